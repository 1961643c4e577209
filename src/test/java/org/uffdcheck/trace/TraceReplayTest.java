package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.compile.CompiledScenario;

class TraceReplayTest {
    @TempDir
    Path dir;

    private static RecordedTrace recorded(Counterexample cx) {
        return RecordedTrace.parse(JsonTrace.write(List.of(cx))).get(0);
    }

    @Test
    void everyToyCounterexampleReproducesAgainstItsOwnModel() {
        check(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        check(Counterexamples.PETERSON_BROKEN, "swapped_writes");
        check(Counterexamples.ABBA, "abba");
    }

    private static void check(String file, String scenario) {
        CompiledScenario cs = Counterexamples.compile(file, scenario);
        Counterexample cx = Counterexamples.of(cs);
        TraceReplay.Outcome o = new TraceReplay(Counterexamples.compile(file, scenario)).replay(recorded(cx));
        assertTrue(o.reproduced(), o.verdict());
        assertEquals(0, o.divergedAt());
        assertEquals(cx.steps().size(), o.trace().length());
        assertTrue(o.notes().isEmpty(), o.notes().toString());
        assertTrue(java.util.Arrays.equals(cx.trace().last(), o.trace().last()));
    }

    @Test
    void theForkDeadlockDivergesWhereTheFixedForkerReleasesMmapSem() {
        Counterexample cx = Counterexamples.of(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        TraceReplay.Outcome o = new TraceReplay(Counterexamples.compile(Counterexamples.FORK, "fork_waits_after_up_write"))
                .replay(recorded(cx));
        assertFalse(o.reproduced());
        TraceStep push = cx.steps().stream().filter(s -> s.statement().startsWith("push_back")).findFirst().orElseThrow();
        assertEquals(push.number(), o.divergedAt(), o.verdict());
        assertTrue(o.verdict().contains("up_write(mmap_sem);"), o.verdict());
        assertEquals(push.number() - 1, o.trace().length());
    }

    @Test
    void thePetersonRaceDivergesAgainstTheCorrectAlgorithm() {
        Counterexample cx = Counterexamples.of(Counterexamples.PETERSON_BROKEN, "swapped_writes");
        TraceReplay.Outcome o = new TraceReplay(Counterexamples.compile(Counterexamples.PETERSON, "peterson")).replay(recorded(cx));
        assertFalse(o.reproduced());
        assertTrue(o.divergedAt() >= 1 && o.divergedAt() <= cx.steps().size(), o.verdict());
    }

    @Test
    void anEditThatShiftsLinesStillReproduces() throws Exception {
        String text = java.nio.file.Files.readString(Path.of(Counterexamples.ABBA));
        CompiledScenario shifted = Counterexamples.compileText(dir, "// a new comment\n\n\n" + text, "abba");
        Counterexample cx = Counterexamples.of(Counterexamples.ABBA, "abba");
        TraceReplay.Outcome o = new TraceReplay(shifted).replay(recorded(cx));
        assertTrue(o.reproduced(), o.verdict());
    }

    @Test
    void aStepTheModelCannotTakeIsReportedWithWhatTheThreadDoesInstead() {
        Counterexample cx = Counterexamples.of(Counterexamples.ABBA, "abba");
        String json = JsonTrace.write(List.of(cx)).replace("\"spin_lock(b);\"", "\"spin_lock(c);\"");
        RecordedTrace rec = RecordedTrace.parse(json).get(0);
        int changed = 0;
        for (RecordedTrace.Step s : rec.steps()) if (s.statement().equals("spin_lock(c);")) { changed = s.number(); break; }
        assertTrue(changed > 0);
        TraceReplay.Outcome o = new TraceReplay(Counterexamples.compile(Counterexamples.ABBA, "abba")).replay(rec);
        assertFalse(o.reproduced());
        assertEquals(changed, o.divergedAt());
        assertTrue(o.verdict().contains("spin_lock(b);"), o.verdict());
    }

    @Test
    void aThreadTheScenarioDoesNotHaveIsADivergence() {
        Counterexample cx = Counterexamples.of(Counterexamples.ABBA, "abba");
        RecordedTrace rec = RecordedTrace.parse(JsonTrace.write(List.of(cx)).replace("\"t1\"", "\"cpu1\"")).get(0);
        TraceReplay.Outcome o = new TraceReplay(Counterexamples.compile(Counterexamples.ABBA, "abba")).replay(rec);
        assertFalse(o.reproduced());
        assertTrue(o.verdict().contains("no thread named cpu1"), o.verdict());
    }
}
