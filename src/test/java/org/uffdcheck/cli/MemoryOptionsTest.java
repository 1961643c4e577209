package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.explore.Progress;
import org.uffdcheck.state.MemoryBudget;

class MemoryOptionsTest {
    private static final long MIB = MemoryBudget.MIB;

    @Test
    void maxMemoryMustBeASizeAndNotTooSmall() {
        assertNull(SearchOptions.memoryProblem(null));
        assertNull(SearchOptions.memoryProblem("300M"));
        assertNull(SearchOptions.memoryProblem("8G"));
        assertNull(SearchOptions.memoryProblem(Long.toString(64 * MIB)));
        assertTrue(SearchOptions.memoryProblem("lots").startsWith("--max-memory: 'lots' is not a size"));
        assertEquals("--max-memory 16M is too small: the budget must be at least 32 MiB",
                SearchOptions.memoryProblem("16M"));
        assertTrue(SearchOptions.memoryProblem("0").contains("too small"));
    }

    @Test
    void aBitStateArrayMustFitTheBudget() {
        assertNull(SearchOptions.bitstateProblem(20, "300M"));
        String p = SearchOptions.bitstateProblem(40, "1G");
        assertTrue(p.startsWith("--bitstate 40 needs 128 GiB, more than the memory budget of 1 GiB leaves ("), p);
        assertTrue(p.endsWith("use --bitstate 32 or less, or raise --max-memory"), p);
    }

    @Test
    void optionsCarryTheBudget() {
        SearchOptions o = new SearchOptions();
        o.workers = 1;
        assertEquals(0, o.toOptions().maxMemory());
        o.maxMemory = "300M";
        assertEquals(300 * MIB, o.toOptions().maxMemory());
    }

    @Test
    void progressShowsMemoryAndWarnsOfAnEndlessNarrowSearch() {
        String wide = Report.progress(new Progress(2_000_000, 6_000_000, 40, 90_000, 2, 120 * MIB, 300 * MIB));
        assertTrue(wide.endsWith("memory 120 MiB of 300 MiB"), wide);
        String narrow = Report.progress(new Progress(50_001, 50_000, 50_000, 1, 2, 120 * MIB, 300 * MIB));
        assertTrue(narrow.contains("memory 120 MiB of 300 MiB; warning: depth keeps growing while the frontier "
                + "stays small, the state space may be unbounded"), narrow);
        assertFalse(wide.contains("warning"));
    }

    @Test
    void everyBoundReadsAsBefore() {
        assertEquals("memory 300 MiB", Report.show(new Bound(Bound.Kind.MEMORY, "300 MiB")));
        assertEquals("memory: Java heap of 64 MiB full", Report.show(new Bound(Bound.Kind.HEAP, "64 MiB")));
        assertEquals("max-states 1000", Report.show(Bound.states(1000)));
        assertEquals("state-id limit", Report.show(Bound.stateIds()));
        assertEquals("max-depth 7", Report.show(Bound.depth(7)));
        assertEquals("time-limit 5s", Report.show(Bound.time(5)));
        assertEquals("time-limit 2.5s", Report.show(Bound.time(2.5)));
        assertEquals("disk: no space left", Report.show(new Bound(Bound.Kind.DISK, "no space left")));
    }
}
