package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.conform.Models.obs;
import static org.uffdcheck.conform.Models.recording;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uffdcheck.compile.CompiledScenario;

/** The search on a shipped conformance scenario: what conforms, what does not, and what it reports. */
class ConformanceTest {
    private static final CompiledScenario MUNMAP = Models.scenario("conform/unmap.uffd", "munmap_middle");

    @Test
    void theKernelsRunConforms() {
        ConformResult r = Conformance.check(MUNMAP, recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)", "unmapper: munmap(0)"),
                Conformance.Options.DEFAULT);
        ConformResult.Conforms c = assertInstanceOf(ConformResult.Conforms.class, r);
        assertEquals(2, c.observedAt().size());
    }

    @Test
    void aLogOrderIsARunWithTheLoggerDelayed() {
        // The munmap returns only after the read, but the monitor may log the read after munmap
        // logged its return: the harness takes seq after each call returns.
        ConformResult r = Conformance.check(MUNMAP, recording("unmapper: munmap(0)", "mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)"),
                Conformance.Options.DEFAULT);
        assertInstanceOf(ConformResult.Conforms.class, r);
    }

    @Test
    void oneUnmapPerCall() {
        ConformResult r = Conformance.check(MUNMAP, recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)",
                "mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)", "unmapper: munmap(0)"), Conformance.Options.DEFAULT);
        ConformResult.Refuted f = assertInstanceOf(ConformResult.Refuted.class, r);
        assertEquals(1, f.matched());
        assertEquals(obs("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)"), f.unmatched());
        assertEquals(Set.of(obs("unmapper: munmap(0)")), f.instead());
    }

    @Test
    void aWrongRangeIsTheFirstObservationMissed() {
        ConformResult r = Conformance.check(MUNMAP, recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 2, 0)", "unmapper: munmap(0)"),
                Conformance.Options.DEFAULT);
        ConformResult.Refuted f = assertInstanceOf(ConformResult.Refuted.class, r);
        assertEquals(0, f.matched());
        String report = ConformReport.render(MUNMAP, recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 2, 0)"), r);
        assertTrue(report.contains("first observation the model cannot make: #1"), report);
        assertTrue(report.contains("could observe there instead: mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)"), report);
    }

    @Test
    void aRecordingCutShortMustStillLetTheThreadsFinish() {
        // The read alone: the munmap has not returned, which the model can only do by observing it.
        ConformResult r = Conformance.check(MUNMAP, recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)"),
                Conformance.Options.DEFAULT);
        ConformResult.Refuted f = assertInstanceOf(ConformResult.Refuted.class, r);
        assertEquals(1, f.matched());
        assertNull(f.unmatched());
        assertEquals(Set.of(obs("unmapper: munmap(0)")), f.instead());
        // Unless the harness says p did not finish (it was killed at the timeout).
        r = Conformance.check(MUNMAP, recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)"),
                new Conformance.Options(1_000_000, Set.of("mon")));
        assertInstanceOf(ConformResult.Conforms.class, r);
    }

    @Test
    void theBoundEndsTheSearchWithCounts() {
        ConformResult r = Conformance.check(MUNMAP, recording("unmapper: munmap(0)"), new Conformance.Options(10, null));
        ConformResult.BoundReached b = assertInstanceOf(ConformResult.BoundReached.class, r);
        assertEquals(10, b.limit());
        assertTrue(b.states() > 10);
    }

    @Test
    void coverageListsWhatNoRecordingShowed() {
        Coverage c = Coverage.of(MUNMAP, List.of(recording("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)")), 1_000_000);
        assertTrue(c.complete());
        assertEquals(Set.of(obs("mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)"), obs("unmapper: munmap(0)")), c.possible());
        assertEquals(Set.of(obs("unmapper: munmap(0)")), c.unseen());
    }
}
