package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreOptions.Mode;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.state.MemoryBudget;

/**
 * Exact counts, bounds and traces of the searches on small graphs chosen to reach the shared
 * core's edges: a state with more successors than a worker's buffers, a search that outgrows its
 * first table, a failing worker, limits hit by one worker or two. Every run here takes
 * milliseconds, so a mutant that breaks the core fails fast and one that hangs it is timed out.
 */
class SearchCoreTest {
    private static final ExploreOptions BFS = ExploreOptions.defaults().withProgressSeconds(0);

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStarOfManyLeavesFillsEveryBuffer(int workers) {
        // 300 successors of one state: more than a group, a candidate buffer and an out buffer hold.
        Graph g = star(300, 3);
        ExploreResult r = run(g, g.checks(List.of(), false, List.of()), BFS.withWorkers(workers));
        assertEquals(Status.HOLDS, r.status());
        assertEquals(301, r.stats().states());
        assertEquals(300 + 300, r.stats().transitions());
        // The leaves' edges back to the root find nothing new, so nothing is deeper than a leaf.
        assertEquals(1, r.stats().depth());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theLastOfManySiblingsIsReachedByItsOwnPosition(int workers) {
        Graph g = star(300, 3);
        ExploreResult r = run(g, g.checks(List.of(299), false, List.of()), BFS.withWorkers(workers));
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(1, r.trace().length());
        assertArrayEquals(new int[] {298}, r.trace().labels());
        assertArrayEquals(g.encode(299), r.trace().last());
        // The violating state is counted; its siblings are all expanded in the same level.
        assertEquals(301, r.stats().states());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void statesWiderThanABlockIsLongAreSearchedAllTheSame(int workers) {
        // Records of 72 ints: more ints than a block has records, so buffers are sized by the width.
        int[][] adj = Graph.binaryTree(300).adj;
        Graph wide = new Graph(adj, 70);
        ExploreResult r = run(wide, wide.checks(List.of(299), false, List.of()), BFS.withWorkers(workers));
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(300, r.stats().states());
        assertEquals(8, r.trace().length());
        assertArrayEquals(wide.encode(299), r.trace().last());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSearchOutgrowsItsFirstTable(int workers) {
        Graph g = Graph.binaryTree(40_000);
        ExploreResult r = run(g, g.checks(List.of(39_999), false, List.of()), BFS.withWorkers(workers));
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(40_000, r.stats().states());
        assertEquals(39_999, r.stats().transitions());
        assertEquals(15, r.trace().length());
        assertEquals(39_999, g.decode(r.trace().last()));
        ExploreResult dfs = run(g, g.noChecks(), BFS.withMode(Mode.DFS));
        assertEquals(40_000, dfs.stats().states());
        assertEquals(39_999, dfs.stats().transitions());
        assertEquals(15, dfs.stats().depth());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void waitsAreCountedPerWorkerAndNeverExceedTheirTime(int workers) {
        Graph g = Graph.binaryTree(40_000);
        Stats st = run(g, g.noChecks(), BFS.withWorkers(workers)).stats();
        Stats.Waits w = st.waits();
        assertEquals(workers, w.workers());
        if (workers == 1) {
            // One worker has nobody to wait for.
            assertEquals(0, w.levelNanos());
            assertEquals(0, w.turnNanos());
        }
        assertTrue(w.levelNanos() >= 0 && w.turnNanos() >= 0);
        assertTrue(w.share(w.levelNanos() + w.turnNanos(), st.seconds()) <= 1, w + " in " + st.seconds() + " s");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void revisitsAreTransitionsButNotStates(int workers) {
        // Every node of a 4x4 grid goes right and down; the far corner is reached by 20 paths.
        Graph g = grid(4);
        ExploreResult r = run(g, g.checks(List.of(), true, List.of(15)), BFS.withWorkers(workers));
        assertEquals(Status.HOLDS, r.status());
        assertEquals(16, r.stats().states());
        assertEquals(24, r.stats().transitions());
        assertEquals(6, r.stats().depth());
        ExploreResult dfs = run(g, g.checks(List.of(), true, List.of(15)), BFS.withMode(Mode.DFS));
        assertEquals(16, dfs.stats().states());
        assertEquals(24, dfs.stats().transitions());
        assertEquals(6, dfs.stats().depth());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStateLimitStopsEveryWorkerAtTheLimit(int workers) {
        Graph g = Graph.binaryTree(5000);
        ExploreResult r = run(g, g.noChecks(), BFS.withWorkers(workers).withMaxStates(1000));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.states(1000), r.bound());
        assertEquals(1000, r.stats().states());
        ExploreResult exact = run(g, g.noChecks(), BFS.withWorkers(workers).withMaxStates(5000));
        assertEquals(Status.HOLDS, exact.status());
        assertEquals(5000, exact.stats().states());
        ExploreResult one = run(g, g.noChecks(), BFS.withWorkers(workers).withMaxStates(1));
        assertEquals(Status.BOUND_REACHED, one.status());
        assertEquals(1, one.stats().states());
    }

    @Test
    void severalWorkersGiveOneWorkersCountsAndTraces() {
        // Bushy graphs with many states per level, so that workers take several blocks at once.
        for (long seed = 1; seed <= 6; seed++) {
            Graph g = randomGraph(seed, 500, 4);
            List<Integer> bad = List.of((int) (seed * 71 % 500), (int) (seed * 131 % 500), 499);
            for (boolean all : new boolean[] {false, true}) {
                StateChecks checks = g.checks(bad, true, List.of(0));
                ExploreOptions o = BFS.withAll(all);
                ExploreResult one = run(g, checks, o);
                for (int workers : new int[] {2, 3}) {
                    ExploreResult many = run(g, checks, o.withWorkers(workers));
                    String what = "seed " + seed + ", all " + all + ", workers " + workers;
                    assertEquals(one.status(), many.status(), what);
                    assertEquals(one.stats().states(), many.stats().states(), what);
                    assertEquals(one.stats().transitions(), many.stats().transitions(), what);
                    assertEquals(one.stats().depth(), many.stats().depth(), what);
                    assertEquals(names(one.violations()), names(many.violations()), what);
                    for (int i = 0; i < one.violations().size(); i++) {
                        ParallelBfsProperties.assertSameTrace(one.violations().get(i).trace(), many.violations().get(i).trace());
                    }
                }
            }
            ExploreResult whole = run(g, g.noChecks(), BFS);
            assertEquals(g.reachableStates().size(), whole.stats().states());
            assertEquals(whole.stats().states(), run(g, g.noChecks(), BFS.withWorkers(3)).stats().states());
        }
    }

    @Test
    void aStateLimitBeyondTheIdsIsNamedAsGiven() {
        Graph g = Graph.chain(5);
        ExploreResult r = run(g, g.noChecks(), BFS.withMaxStates(Long.MAX_VALUE));
        assertEquals(Status.HOLDS, r.status());
        assertEquals(5, r.stats().states());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aDepthBoundReportsTheStatesWithinIt(int workers) {
        Graph g = Graph.binaryTree(1000);
        ExploreResult r = run(g, g.noChecks(), BFS.withWorkers(workers).withMaxDepth(3));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.depth(3), r.bound());
        assertEquals(15, r.stats().states());
        assertEquals(14, r.stats().transitions());
        assertEquals(3, r.stats().depth());
        // A bound at the leaves' depth is never hit: leaves have no successors to withhold.
        Graph small = Graph.binaryTree(15);
        assertEquals(Status.HOLDS, run(small, small.noChecks(), BFS.withWorkers(workers).withMaxDepth(3)).status());
        ExploreResult dfs = run(g, g.noChecks(), BFS.withMode(Mode.DFS).withMaxDepth(3));
        assertEquals(Bound.depth(3), dfs.bound());
        assertEquals(15, dfs.stats().states());
        assertEquals(3, dfs.stats().depth());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void deadlocksAreFoundAtTheirDepthAndComeAfterInvariantsThere(int workers) {
        // 0 -> 1 -> 2 (a sink), 0 -> 3 -> 4 (bad): both at depth 2.
        Graph g = new Graph(new int[][] {{1, 3}, {2}, {}, {4}, {5}, {}}, 2);
        ExploreResult dead = run(g, g.checks(List.of(), true, List.of(5)), BFS.withWorkers(workers));
        assertEquals(ExploreResult.DEADLOCK, dead.property());
        assertEquals(2, dead.trace().length());
        assertEquals(2, g.decode(dead.trace().last()));
        ExploreResult both = run(g, g.checks(List.of(4), true, List.of(5)), BFS.withWorkers(workers).withAll(true));
        assertEquals(List.of("bad", ExploreResult.DEADLOCK), names(both.violations()));
        assertEquals("bad", both.property());
        assertEquals(4, g.decode(both.trace().last()));
        ExploreResult first = run(g, g.checks(List.of(4), true, List.of(5)), BFS.withWorkers(workers));
        assertEquals(1, first.violations().size());
        assertEquals("bad", first.property());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aShallowViolationEndsTheSearchAtItsLevel(int workers) {
        Graph g = Graph.binaryTree(10_000);
        ExploreResult r = run(g, g.checks(List.of(2), false, List.of()), BFS.withWorkers(workers));
        assertEquals(Status.VIOLATION, r.status());
        // Level 1 is stored, the bad node among it, and is not expanded.
        assertEquals(3, r.stats().states());
        assertEquals(1, r.trace().length());
        assertEquals(1, r.stats().depth());
    }

    @Test
    void witnessesAreShortestInBreadthFirstAndPathsInDepthFirst() {
        // 0 -> 1 -> 2 -> 3 and 0 -> 3: node 3 is one step away, node 2 two.
        Graph g = new Graph(new int[][] {{1, 3}, {2}, {3}, {}}, 2);
        StateChecks checks = g.checks(List.of(), false, List.of(), 3, 2, 0, 9);
        for (int workers : new int[] {1, 2}) {
            ExploreResult r = run(g, checks, BFS.withWorkers(workers));
            assertEquals(Status.VIOLATION, r.status(), "node 9 is never reached");
            assertEquals("reach-9", r.property());
            assertNull(r.trace());
            assertEquals(1, r.witnesses().get(0).trace().length());
            assertEquals(2, r.witnesses().get(1).trace().length());
            assertEquals(0, r.witnesses().get(2).trace().length());
            assertNull(r.witnesses().get(3).trace());
        }
        for (Mode mode : List.of(Mode.DFS, Mode.SIMULATE)) {
            ExploreResult r = run(g, checks, BFS.withMode(mode).withSimulation(20, 3));
            assertEquals(0, r.witnesses().get(2).trace().length(), mode.name());
            assertEquals(3, g.decode(r.witnesses().get(0).trace().last()), mode.name());
            assertEquals(2, g.decode(r.witnesses().get(1).trace().last()), mode.name());
            assertArrayEquals(new int[] {0, 0}, r.witnesses().get(1).trace().labels(), mode.name());
            assertNull(r.witnesses().get(3).trace(), mode.name());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aFailingStepperFailsTheSearchInsteadOfHangingIt(int workers) {
        Graph g = Graph.binaryTree(5000);
        TransitionSystem failing = failingAt(g, 3000, new IllegalStateException("node 3000"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Explorer(failing, g.noChecks(), BFS.withWorkers(workers)).run());
        assertEquals("node 3000", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void runningOutOfHeapInAWorkerIsTheHeapBound(int workers) {
        Graph g = Graph.binaryTree(5000);
        TransitionSystem failing = failingAt(g, 3000, new OutOfMemoryError("test"));
        ExploreResult r = new Explorer(failing, g.noChecks(), BFS.withWorkers(workers)).run();
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.Kind.HEAP, r.bound().kind());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRefusalFromInsideTheSearchIsTheMemoryBound(int workers) {
        Graph g = Graph.binaryTree(5000);
        TransitionSystem failing = failingAt(g, 3000, new MemoryBudget.Refused(12));
        MemoryBudget b = new MemoryBudget(MemoryBudget.GIB, () -> 0, () -> { });
        ExploreResult r = new Explorer(failing, g.noChecks(), BFS.withWorkers(workers), b).run();
        assertEquals(new Bound(Bound.Kind.MEMORY, "1 GiB"), r.bound());
        assertEquals(0, b.reserved());
    }

    @Test
    void progressIsPublishedToTheListenerAndTheExplorer() {
        Graph g = Graph.binaryTree(20_000);
        for (Mode mode : List.of(Mode.BFS, Mode.DFS, Mode.SIMULATE)) {
            List<Progress> seen = new ArrayList<>();
            Explorer ex = new Explorer(g.system(), g.noChecks(),
                    BFS.withMode(mode).withProgressSeconds(1e-9).withSimulation(3000, 1));
            ex.onProgress(seen::add);
            ExploreResult r = ex.run();
            assertTrue(seen.size() >= 2, mode + ": " + seen.size() + " reports");
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).states() >= seen.get(i - 1).states(), mode.name());
                assertTrue(seen.get(i).states() > 0, mode.name());
            }
            assertEquals(r.stats().states(), ex.progress().states(), mode.name());
            assertEquals(r.stats().transitions(), ex.progress().transitions(), mode.name());
            assertEquals(r.stats().depth(), ex.progress().depth(), mode.name());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void progressIsPublishedWithinALevelAndAtTheEnd(int workers) {
        // One level of 10,000 states, whose edges back to the root are counted after the last store.
        Graph g = star(10_000, 2);
        List<Progress> seen = new ArrayList<>();
        Explorer ex = new Explorer(g.system(), g.noChecks(), BFS.withWorkers(workers).withProgressSeconds(1e-9));
        ex.onProgress(seen::add);
        ExploreResult r = ex.run();
        assertTrue(seen.size() >= 5, seen.size() + " reports");
        assertEquals(20_000, r.stats().transitions());
        assertEquals(20_000, ex.progress().transitions());
        assertEquals(10_001, ex.progress().states());
    }

    @Test
    void theHelperWorkersExpandStatesToo() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        TransitionSystem ts = twoThreadsAtDepth7(Graph.binaryTree(1000), threads, false);
        ExploreResult r = new Explorer(ts, Graph.binaryTree(1000).noChecks(), BFS.withWorkers(2)).run();
        assertEquals(1000, r.stats().states());
        assertEquals(2, threads.size(), threads.toString());
    }

    @Test
    void aHelperThatFailsFailsTheSearch() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        TransitionSystem ts = twoThreadsAtDepth7(Graph.binaryTree(1000), threads, true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Explorer(ts, Graph.binaryTree(1000).noChecks(), BFS.withWorkers(2)).run());
        assertEquals("helper", e.getMessage());
    }

    @Test
    void noListenerIsCalledWithoutAProgressInterval() {
        Graph g = Graph.binaryTree(20_000);
        List<Progress> seen = new ArrayList<>();
        Explorer ex = new Explorer(g.system(), g.noChecks(), BFS);
        ex.onProgress(seen::add);
        assertEquals(20_000, ex.run().stats().states());
        assertEquals(0, seen.size());
    }

    @Test
    void aBitStateSearchCountsWhatItTookAsNew() {
        Graph g = Graph.binaryTree(1000);
        for (Mode mode : List.of(Mode.BFS, Mode.DFS)) {
            ExploreResult r = run(g, g.noChecks(), BFS.withMode(mode).withBitstate(24));
            assertEquals(Status.NO_VIOLATION_FOUND, r.status(), mode.name());
            assertEquals(1000, r.stats().states(), mode.name());
            assertTrue(r.coverage().contains("2^24 bits, 3 hash functions"), r.coverage());
            assertTrue(r.coverage().contains("hash factor 16777.2 "), r.coverage());
        }
    }

    @Test
    void dfsFollowsAPathDownAndReportsIt() {
        Graph g = Graph.binaryTree(100);
        ExploreResult r = run(g, g.checks(List.of(63), false, List.of()), BFS.withMode(Mode.DFS));
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(6, r.trace().length());
        assertEquals(63, g.decode(r.trace().last()));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, r.trace().labels());
        // A deep chain grows the path past its first 64 labels.
        Graph chain = Graph.chain(500);
        ExploreResult deep = run(chain, chain.checks(List.of(), true, List.of()), BFS.withMode(Mode.DFS));
        assertEquals(ExploreResult.DEADLOCK, deep.property());
        assertEquals(499, deep.trace().length());
        assertEquals(499, deep.stats().depth());
        assertEquals(500, deep.stats().states());
    }

    @Test
    void dfsStopsAtItsStateLimitWithThatMany() {
        Graph g = Graph.binaryTree(1000);
        ExploreResult r = run(g, g.noChecks(), BFS.withMode(Mode.DFS).withMaxStates(100));
        assertEquals(Bound.states(100), r.bound());
        assertEquals(100, r.stats().states());
        ExploreResult all = run(g, g.noChecks(), BFS.withMode(Mode.DFS).withMaxStates(1000));
        assertEquals(Status.HOLDS, all.status());
    }

    @Test
    void aSimulationWalksToTheEndOfEachRun() {
        Graph g = Graph.chain(10);
        ExploreResult r = run(g, g.checks(List.of(), false, List.of(9)), BFS.withMode(Mode.SIMULATE).withSimulation(7, 1));
        assertEquals(Status.NO_VIOLATION_FOUND, r.status());
        assertNull(r.bound());
        assertEquals(70, r.stats().states());
        assertEquals(63, r.stats().transitions());
        assertEquals(9, r.stats().depth());
        // A walk that ends in a state that is not a valid end is a deadlock, with its walk.
        ExploreResult dead = run(g, g.checks(List.of(), true, List.of()), BFS.withMode(Mode.SIMULATE).withSimulation(7, 1));
        assertEquals(ExploreResult.DEADLOCK, dead.property());
        assertEquals(9, dead.trace().length());
        assertEquals(10, dead.stats().states());
        // Walks are cut at their length; one past the chain's is not.
        ExploreResult cut = run(g, g.noChecks(), BFS.withMode(Mode.SIMULATE).withSimulation(2, 1).withMaxDepth(4));
        assertEquals(10, cut.stats().states());
        assertEquals(4, cut.stats().depth());
        assertEquals(8, cut.stats().transitions());
    }

    @Test
    void aSimulationStateLimitIsExact() {
        Graph g = Graph.chain(10);
        ExploreResult r = run(g, g.noChecks(), BFS.withMode(Mode.SIMULATE).withSimulation(100, 1).withMaxStates(25));
        assertEquals(Bound.states(25), r.bound());
        assertEquals(25, r.stats().states());
        assertEquals(Status.NO_VIOLATION_FOUND, r.status());
        ExploreResult enough = run(g, g.noChecks(), BFS.withMode(Mode.SIMULATE).withSimulation(2, 1).withMaxStates(21));
        assertNull(enough.bound());
        assertEquals(20, enough.stats().states());
    }

    @Test
    void aSimulationPicksEverySuccessorSometimes() {
        Graph g = star(5, 2);
        int[] hits = new int[6];
        for (long seed = 1; seed <= 100; seed++) {
            ExploreResult r = run(g, g.checks(List.of(), false, List.of(), 1, 2, 3, 4, 5),
                    BFS.withMode(Mode.SIMULATE).withSimulation(1, seed).withMaxDepth(1));
            for (int i = 0; i < 5; i++) if (r.witnesses().get(i).found()) hits[i + 1]++;
        }
        for (int leaf = 1; leaf <= 5; leaf++) assertTrue(hits[leaf] > 5 && hits[leaf] < 40, "leaf " + leaf + ": " + hits[leaf]);
    }

    @Test
    void pathsRebuiltFromPositionsNameTheirLabels() {
        Graph g = new Graph(new int[][] {{2, 1}, {}, {1}}, 2);
        var e = PathRebuilder.fromOrdinals(g.system(), new int[] {0, 0});
        assertArrayEquals(new int[] {0, 0}, e.labels());
        assertEquals(1, g.decode(e.last()));
        var f = PathRebuilder.fromOrdinals(g.system(), new int[] {1});
        assertArrayEquals(new int[] {1}, f.labels());
        assertEquals(1, g.decode(f.last()));
        assertEquals(2, f.states().size());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PathRebuilder.fromOrdinals(g.system(), new int[] {0, 1}));
        assertEquals("step 1: the state has 1 successors, not 2", bad.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PathRebuilder.fromOrdinals(g.system(), new int[] {2}));
        assertEquals("step 0: the state has 2 successors, not 3", none.getMessage());
    }

    @Test
    void pathsRebuiltFromLabelsTakeTheFirstMatch() {
        // Two edges from 0 carry label 0 in this system: the first one is the step.
        TransitionSystem twice = new TransitionSystem() {
            @Override public int stateSize() { return 1; }
            @Override public void initialState(int[] out) { out[0] = 0; }
            @Override public Stepper newStepper() {
                return (state, sink) -> {
                    if (state[0] != 0) return 0;
                    sink.accept(new int[] {7}, 0);
                    sink.accept(new int[] {8}, 0);
                    sink.accept(new int[] {9}, 1);
                    return 3;
                };
            }
        };
        assertEquals(7, PathRebuilder.fromLabels(twice, new int[] {0}).last()[0]);
        assertEquals(9, PathRebuilder.fromLabels(twice, new int[] {1}).last()[0]);
        assertEquals(0, PathRebuilder.fromLabels(twice, new int[0]).last()[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathRebuilder.fromLabels(twice, new int[] {2}));
        assertEquals("step 0: label 2 is not a successor of the state reached so far", e.getMessage());
    }

    @Test
    void candidatesKeepTheirOrderAcrossGrowth() {
        Candidates c = new Candidates(3);
        for (int i = 0; i < 200; i++) c.add(new int[] {i, -i, 2 * i}, 1000L + i, i / 2, i % 5, i == 150 ? 4 : -1);
        assertEquals(200, c.count);
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(new int[] {i, -i, 2 * i}, c.rows[i]);
            assertEquals(1000L + i, c.fps[i]);
            assertEquals(i / 2, c.parents[i]);
            assertEquals(i % 5, c.ordinals[i]);
            assertEquals(i == 150 ? 4 : -1, c.violations[i]);
        }
        int[][] rows = c.rows;
        c.count = 0;
        c.add(new int[] {5, 6, 7}, 1, 2, 3, 4);
        assertSame(rows[0], c.rows[0], "rows are reused");
        assertArrayEquals(new int[] {5, 6, 7}, c.rows[0]);
    }

    @Test
    void findingsKeepTheLeastEndPerPropertyAndOrderThem() {
        Findings f = new Findings(2);
        assertTrue(!f.anyViolation());
        f.violation(end(1, 3, 50));
        f.violation(end(0, 3, 40));
        f.violation(end(1, 3, 10));
        f.violation(end(1, 4, 1));
        f.violation(end(Findings.DEADLOCK_INDEX, 2, 99));
        assertTrue(f.anyViolation());
        List<Findings.End> v = f.violations();
        assertEquals(3, v.size());
        assertEquals(Findings.DEADLOCK_INDEX, v.get(0).property());
        assertEquals(0, v.get(1).property());
        assertEquals(1, v.get(2).property());
        assertEquals(10, v.get(2).fp());
        // Fingerprints compare unsigned: a negative one is larger.
        f.violation(end(0, 3, -5));
        assertEquals(40, f.violations().get(1).fp());
        f.violation(end(0, 3, 39));
        assertEquals(39, f.violations().get(1).fp());

        assertTrue(f.wantsWitness(0, 100));
        f.witness(0, end(0, 5, 7));
        assertTrue(f.wantsWitness(0, 5));
        assertTrue(!f.wantsWitness(0, 6));
        f.witness(0, end(0, 5, 8));
        assertEquals(7, f.witness(0).fp());
        f.witness(0, end(0, 5, 6));
        assertEquals(6, f.witness(0).fp());
        f.witness(0, end(0, 4, 100));
        assertEquals(4, f.witness(0).depth());
        assertNull(f.witness(1));
    }

    @Test
    void aShallowerViolationOfAPropertyReplacesADeeperOne() {
        Findings f = new Findings(0);
        f.violation(end(0, 5, 1));
        f.violation(end(0, 2, 900));
        assertEquals(2, f.violations().get(0).depth());
        f.violation(end(0, 3, 0));
        assertEquals(2, f.violations().get(0).depth());
    }

    @Test
    void runControlStopsOnRequestAndAtItsDeadline() {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        MemoryBudget b = new MemoryBudget(MemoryBudget.MIB, () -> 5, () -> { });
        RunControl c = new RunControl(BFS, stop, null, b);
        assertTrue(!c.poll(10, 20, 3, 4));
        Progress p = c.progress();
        assertEquals(10, p.states());
        assertEquals(20, p.transitions());
        assertEquals(3, p.depth());
        assertEquals(4, p.queued());
        assertEquals(5, p.memory());
        assertEquals(MemoryBudget.MIB, p.memoryLimit());
        assertNull(c.timedOut());
        stop.set(true);
        assertTrue(c.poll(11, 21, 3, 4));
        assertTrue(c.interrupted());
        assertNull(c.timedOut());
        assertEquals(new Bound(Bound.Kind.MEMORY, "1 MiB"), c.memoryBound());

        RunControl timed = new RunControl(BFS.withTimeLimit(1e-9), new java.util.concurrent.atomic.AtomicBoolean(), null, b);
        assertTrue(timed.poll(1, 0, 0, 0));
        assertEquals(Bound.time(1e-9), timed.timedOut());
        assertTrue(!timed.interrupted());
        assertTrue(timed.elapsedSeconds() > 0);
        RunControl endless = new RunControl(BFS.withTimeLimit(3600), new java.util.concurrent.atomic.AtomicBoolean(), null, b);
        assertTrue(!endless.poll(1, 0, 0, 0));
    }

    @Test
    void theVisitedSetIsTheOneTheOptionsAskFor() {
        MemoryBudget b = new MemoryBudget(MemoryBudget.GIB, () -> 0, () -> { });
        RunControl c = new RunControl(BFS, new java.util.concurrent.atomic.AtomicBoolean(), null, b);
        var exact = c.visitedSet(BFS, 1 << 10, 1);
        assertTrue(exact instanceof org.uffdcheck.state.FingerprintTable);
        assertEquals(8L << 10, exact.bytes());
        exact.free();
        var bits = c.visitedSet(BFS.withBitstate(12), 1 << 10, 1);
        assertTrue(bits instanceof org.uffdcheck.state.BitStateSet);
        assertEquals(512, bits.bytes());
        assertEquals(512, b.reserved());
        bits.free();
        assertEquals(0, b.reserved());
    }

    private static Findings.End end(int property, int depth, long fp) {
        return new Findings.End(property, PropertyId.invariant("p" + property), depth, fp, 0, -1);
    }

    private static List<String> names(List<Violation> vs) {
        List<String> out = new ArrayList<>();
        for (Violation v : vs) out.add(v.property());
        return out;
    }

    private static ExploreResult run(Graph g, StateChecks checks, ExploreOptions o) {
        return new Explorer(g.system(), checks, o).run();
    }

    /** g, whose stepper throws failure when asked for node's successors. */
    private static TransitionSystem failingAt(Graph g, int node, Throwable failure) {
        return withStepper(g.system(), s -> (state, sink) -> {
            if (g.decode(state) == node) {
                if (failure instanceof RuntimeException re) throw re;
                throw (Error) failure;
            }
            return s.successors(state, sink);
        });
    }

    /** ts with each of its steppers wrapped by wrap. */
    private static TransitionSystem withStepper(TransitionSystem ts, UnaryOperator<TransitionSystem.Stepper> wrap) {
        return new TransitionSystem() {
            @Override public int stateSize() { return ts.stateSize(); }
            @Override public void initialState(int[] out) { ts.initialState(out); }
            @Override public Stepper newStepper() { return wrap.apply(ts.newStepper()); }
        };
    }

    /**
     * g, whose stepper, from depth 7 on (two blocks of states), waits until a second thread has
     * asked it too, and notes which threads asked; failInHelper makes a helper thread's call throw.
     */
    private static TransitionSystem twoThreadsAtDepth7(Graph g, Set<String> threads, boolean failInHelper) {
        CountDownLatch both = new CountDownLatch(2);
        return withStepper(g.system(), s -> (state, sink) -> {
            String name = Thread.currentThread().getName();
            if (g.decode(state) >= 127) {
                if (threads.add(name)) both.countDown();
                if (failInHelper && name.startsWith("uffdcheck-bfs-")) throw new IllegalStateException("helper");
                try {
                    both.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return s.successors(state, sink);
        });
    }

    /** n nodes with up to degree edges each, the same for a seed. */
    private static Graph randomGraph(long seed, int n, int degree) {
        java.util.Random rnd = new java.util.Random(seed);
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = new int[rnd.nextInt(degree + 1)];
            for (int k = 0; k < adj[i].length; k++) adj[i][k] = rnd.nextInt(n);
        }
        // A path from the root through the first nodes keeps most of the graph reachable.
        if (adj[0].length == 0) adj[0] = new int[] {1};
        return new Graph(adj, 3);
    }

    /** Node 0 has edges to 1..n; each leaf has an edge back to 0. */
    private static Graph star(int n, int width) {
        int[][] adj = new int[n + 1][];
        adj[0] = new int[n];
        for (int i = 0; i < n; i++) {
            adj[0][i] = i + 1;
            adj[i + 1] = new int[] {0};
        }
        return new Graph(adj, width);
    }

    /** An n x n grid whose nodes go right and down. */
    private static Graph grid(int n) {
        int[][] adj = new int[n * n][];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                List<Integer> to = new ArrayList<>();
                if (x + 1 < n) to.add(y * n + x + 1);
                if (y + 1 < n) to.add((y + 1) * n + x);
                adj[y * n + x] = to.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new Graph(adj, 2);
    }
}
