package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions.Mode;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.TransitionSystem;

class ExplorerTest {
    private static final ExploreOptions BFS = ExploreOptions.defaults();

    @Test
    void sinkThatIsNotAValidEndIsADeadlock() {
        Graph g = Graph.chain(3);
        for (Mode mode : List.of(Mode.BFS, Mode.DFS, Mode.SIMULATE)) {
            ExploreResult r = run(g.system(), g.checks(List.of(), true, List.of()), BFS.withMode(mode));
            assertEquals(Status.VIOLATION, r.status(), mode.name());
            assertEquals(ExploreResult.DEADLOCK, r.property());
            assertEquals(2, r.trace().length());
            assertEquals(2, g.decode(r.trace().last()));
        }
    }

    @Test
    void sinkThatIsAValidEndHolds() {
        Graph g = Graph.chain(3);
        ExploreResult r = run(g.system(), g.checks(List.of(), true, List.of(2)), BFS);
        assertEquals(Status.HOLDS, r.status());
        assertEquals(3, r.stats().states());
        assertEquals(2, r.stats().depth());
        ExploreResult dfs = run(g.system(), g.checks(List.of(), true, List.of(2)), BFS.withMode(Mode.DFS));
        assertEquals(Status.HOLDS, dfs.status());
    }

    @Test
    void badInitialStateGivesEmptyTrace() {
        Graph g = Graph.chain(3);
        ExploreResult r = run(g.system(), g.checks(List.of(0), false, List.of()), BFS);
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(0, r.trace().length());
        assertArrayEquals(g.encode(0), r.trace().last());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BFS", "DFS"})
    void maxStatesBoundsTheSearch(Mode mode) {
        Graph g = Graph.chain(100);
        ExploreResult r = run(g.system(), g.noChecks(), BFS.withMode(mode).withMaxStates(10));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.states(10), r.bound());
        assertEquals(10, r.stats().states());
        // A bound equal to the state count is not hit.
        assertEquals(Status.HOLDS, run(g.system(), g.noChecks(), BFS.withMode(mode).withMaxStates(100)).status());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BFS", "DFS"})
    void maxDepthBoundsTheSearch(Mode mode) {
        Graph g = Graph.chain(100);
        ExploreResult r = run(g.system(), g.noChecks(), BFS.withMode(mode).withMaxDepth(5));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.depth(5), r.bound());
        assertEquals(5, r.stats().depth());
        assertEquals(6, r.stats().states());
        assertEquals(Status.HOLDS, run(g.system(), g.noChecks(), BFS.withMode(mode).withMaxDepth(99)).status());
    }

    @Test
    void violationBeyondTheDepthBoundIsNotReported() {
        Graph g = Graph.chain(10);
        ExploreResult r = run(g.system(), g.checks(List.of(9), false, List.of()), BFS.withMaxDepth(5));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertNull(r.property());
    }

    @Test
    void unreachedPropertyUnderABoundIsNotCalledUnreachable() {
        Graph g = Graph.chain(10);
        ExploreResult r = run(g.system(), g.checks(List.of(), false, List.of(), 9), BFS.withMaxDepth(5));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertNull(r.witnesses().get(0).trace());
    }

    @Test
    void timeLimitStopsAnEndlessSearch() {
        ExploreResult r = run(counter(null), none(), BFS.withTimeLimit(0.01));
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.time(0.01), r.bound());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void requestStopFromAnotherThreadInterrupts(Mode mode) throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        Explorer explorer = new Explorer(counter(busy), none(),
                BFS.withMode(mode).withSimulation(1, 7).withMaxDepth(Integer.MAX_VALUE - 1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ExploreResult> f = pool.submit(explorer::run);
            assertTrue(busy.await(60, TimeUnit.SECONDS));
            explorer.requestStop();
            ExploreResult r = f.get(60, TimeUnit.SECONDS);
            assertEquals(Status.INTERRUPTED, r.status());
            assertTrue(r.stats().states() >= 5000);
            assertTrue(explorer.progress().states() >= 5000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stopRequestedBeforeRunInterruptsAtOnce() {
        Explorer explorer = new Explorer(counter(null), none(), BFS);
        explorer.requestStop();
        assertEquals(Status.INTERRUPTED, explorer.run().status());
    }

    @Test
    void simulationIsDeterministicForASeed() {
        Graph g = denseGraph(30);
        ExploreOptions sim = BFS.withMode(Mode.SIMULATE).withSimulation(50, 1234).withMaxDepth(40);
        StateChecks checks = g.checks(List.of(), false, List.of(), 7, 29);
        ExploreResult a = run(g.system(), checks, sim);
        ExploreResult b = run(g.system(), checks, sim);
        assertEquals(Status.NO_VIOLATION_FOUND, a.status());
        assertEquals(a.stats().states(), b.stats().states());
        assertEquals(a.stats().transitions(), b.stats().transitions());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(a.witnesses().get(i).trace().labels(), b.witnesses().get(i).trace().labels());
        }
        assertEquals(50 * 41, a.stats().states());
    }

    @Test
    void simulationFindsAReachableBadNode() {
        Graph g = denseGraph(20);
        ExploreOptions sim = BFS.withMode(Mode.SIMULATE).withSimulation(200, 99).withMaxDepth(100);
        ExploreResult r = run(g.system(), g.checks(List.of(13), false, List.of()), sim);
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(13, g.decode(r.trace().last()));
        ExploreResult again = run(g.system(), g.checks(List.of(13), false, List.of()), sim);
        assertArrayEquals(r.trace().labels(), again.trace().labels());
    }

    @Test
    void aCompleteBitStateSearchClaimsNothingInEitherOrder() {
        Graph g = Graph.chain(10);
        // Node 20 does not exist: an exact search reports the reachability property violated.
        StateChecks checks = g.checks(List.of(), false, List.of(9), 20);
        assertEquals(Status.VIOLATION, run(g.system(), checks, BFS).status());
        String coverage = null;
        for (Mode mode : List.of(Mode.BFS, Mode.DFS)) {
            ExploreResult r = run(g.system(), checks, BFS.withMode(mode).withBitstate(20));
            assertEquals(Status.NO_VIOLATION_FOUND, r.status(), mode.name());
            assertNull(r.bound(), mode.name());
            assertTrue(r.coverage().startsWith("bit-state search, incomplete"), r.coverage());
            if (coverage != null) assertEquals(coverage, r.coverage());
            coverage = r.coverage();
        }
    }

    @Test
    void simulationLimitsEndTheWalksWithoutClaimingABound() {
        Graph g = denseGraph(30);
        ExploreOptions sim = BFS.withMode(Mode.SIMULATE).withSimulation(1000, 5).withMaxDepth(40);
        ExploreResult states = run(g.system(), g.noChecks(), sim.withMaxStates(100));
        assertEquals(Status.NO_VIOLATION_FOUND, states.status());
        assertEquals(Bound.states(100), states.bound());
        assertEquals(100, states.stats().states());
        // A limit of a nanosecond has passed by the first poll after the first.
        ExploreResult time = run(g.system(), g.noChecks(), sim.withSimulation(1_000_000, 5).withTimeLimit(1e-9));
        assertEquals(Status.NO_VIOLATION_FOUND, time.status());
        assertEquals(Bound.Kind.TIME, time.bound().kind());
    }

    @Test
    void replayRejectsALabelThatIsNoSuccessor() {
        Graph g = Graph.chain(3);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> PathRebuilder.fromLabels(g.system(), new int[] {0, 5}));
        assertTrue(e.getMessage().startsWith("step 1"), e.getMessage());
    }

    @Test
    void collisionProbabilityFollowsTheEstimate() {
        Stats s = new Stats(1000, 5000, 3, 1.0, 8000);
        double expected = 1000.0 * 4000 / 0x1p64 + 1000.0 * 1000 / 0x1p65;
        assertEquals(expected, s.collisionProbability(), expected * 1e-12);
        assertEquals(1.0, new Stats(Long.MAX_VALUE / 2, Long.MAX_VALUE, 0, 1, 0).collisionProbability());
        assertEquals(0.0, new Stats(0, 0, 0, 0, 0).collisionProbability());
        assertEquals(8.0, s.bytesPerState());
        assertEquals(1000.0, s.statesPerSecond());
    }

    private static ExploreResult run(TransitionSystem ts, StateChecks checks, ExploreOptions opts) {
        return new Explorer(ts, checks, opts).run();
    }

    /** Every node has an edge to every node. */
    private static Graph denseGraph(int n) {
        int[][] adj = new int[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) adj[i][j] = (i + j + 1) % n;
        return new Graph(adj, 3);
    }

    /** [i] -> [i + 1] forever; counts down busy after 5000 steps. */
    static TransitionSystem counter(CountDownLatch busy) {
        return new TransitionSystem() {
            @Override
            public int stateSize() {
                return 1;
            }

            @Override
            public void initialState(int[] out) {
                out[0] = 0;
            }

            @Override
            public Stepper newStepper() {
                int[] next = new int[1];
                long[] calls = new long[1];
                return (state, sink) -> {
                    if (++calls[0] == 5000 && busy != null) busy.countDown();
                    next[0] = state[0] + 1;
                    sink.accept(next, 0);
                    return 1;
                };
            }
        };
    }

    private static StateChecks none() {
        return new Graph(new int[][] {{}}, 1).noChecks();
    }
}
