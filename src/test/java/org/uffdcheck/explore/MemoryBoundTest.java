package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions.Mode;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.state.MemoryBudget;

/** The memory budget ends a search as any bound does: status, detail and the counts reached. */
class MemoryBoundTest {
    private static final ExploreOptions BFS = ExploreOptions.defaults().withProgressSeconds(0);

    /** A budget of bytes that counts only what the stores reserve, so that the test JVM's heap does not matter. */
    private static MemoryBudget budget(long bytes) {
        return new MemoryBudget(bytes, () -> 0, () -> { });
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BFS", "DFS"})
    void anEndlessCounterStopsAtTheBudgetWithItsCounts(Mode mode) {
        MemoryBudget b = budget(2 * MemoryBudget.MIB);
        ExploreResult r = new Explorer(counter(), none(), BFS.withMode(mode), b).run();
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(new Bound(Bound.Kind.MEMORY, "2 MiB"), r.bound());
        long states = r.stats().states();
        // A fingerprint takes 8 to 21 bytes of table: more than 2 MiB / 21, fewer than 2 MiB / 8.
        assertTrue(states > 50_000 && states < 262_144, "states " + states);
        assertTrue(r.stats().depth() >= states - 2 && r.stats().depth() < states, "depth " + r.stats().depth());
        assertEquals(r.stats().transitions(), states - (mode == Mode.BFS ? 1 : 0), "transitions");
        assertTrue(r.stats().seconds() >= 0);
        assertEquals(0, b.reserved(), "every store gave back what it reserved");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aWideSearchStopsAtTheBudgetForAnyWorkerCount(int workers) {
        Graph g = Graph.binaryTree(1 << 20);
        MemoryBudget b = budget(MemoryBudget.MIB);
        ExploreResult r = new Explorer(g.system(), g.noChecks(), BFS.withWorkers(workers), b).run();
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(new Bound(Bound.Kind.MEMORY, "1 MiB"), r.bound());
        assertTrue(r.stats().states() > 10_000 && r.stats().states() < 1 << 20, "states " + r.stats().states());
        assertTrue(r.stats().depth() > 10, "depth " + r.stats().depth());
        assertEquals(0, b.reserved());
    }

    @Test
    void aViolationFoundBeforeTheBudgetIsStillReported() {
        Graph g = Graph.binaryTree(1 << 20);
        ExploreResult r = new Explorer(g.system(), g.checks(List.of(1000), false, List.of()), BFS,
                budget(MemoryBudget.MIB)).run();
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(1000, g.decode(r.trace().last()));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BFS", "DFS"})
    void aBitStateArrayBeyondTheBudgetIsAMemoryBoundBeforeAnyState(Mode mode) {
        ExploreResult r = new Explorer(counter(), none(), BFS.withMode(mode).withBitstate(30),
                budget(64 * MemoryBudget.MIB)).run();
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(new Bound(Bound.Kind.MEMORY, "64 MiB"), r.bound());
        assertEquals(0, r.stats().states());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BFS", "DFS"})
    void runningOutOfHeapAnywayIsTheMemoryBoundNotACrash(Mode mode) {
        // The progress listener runs on the searching thread: an allocation there stands for any in the search.
        Explorer ex = new Explorer(counter(), none(), BFS.withMode(mode).withProgressSeconds(1e-9),
                budget(MemoryBudget.GIB));
        ex.onProgress(p -> {
            if (p.states() >= 3000) throw new OutOfMemoryError("Java heap space");
        });
        ExploreResult r = ex.run();
        assertEquals(Status.BOUND_REACHED, r.status());
        assertEquals(Bound.Kind.HEAP, r.bound().kind());
        // The counts are those last published (every 1024 states at most).
        assertTrue(r.stats().states() >= 3000 && r.stats().states() < 3000 + 1100, "states " + r.stats().states());
    }

    @Test
    void progressShowsTheBudgetAndWarnsOfADeepNarrowSearch() {
        Progress narrow = new Progress(20_001, 20_000, 20_000, 1, 3, 100, 300);
        assertTrue(narrow.looksUnbounded());
        assertTrue(!new Progress(5_000, 5_000, 5_000, 1, 3, 100, 300).looksUnbounded(), "too shallow");
        assertTrue(!new Progress(5_000_000, 9_000_000, 20_000, 1, 3, 100, 300).looksUnbounded(), "wide levels");
        assertTrue(!new Progress(30_000, 30_000, 20_000, 50_000, 3, 100, 300).looksUnbounded(), "big frontier");
        Explorer idle = new Explorer(counter(), none(), BFS, budget(300));
        assertEquals(300, idle.progress().memoryLimit());
    }

    private static TransitionSystem counter() {
        return ExplorerTest.counter(null);
    }

    private static StateChecks none() {
        return new Graph(new int[][] {{}}, 1).noChecks();
    }
}
