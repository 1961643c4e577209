package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.conform.Models.recording;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uffdcheck.compile.CompiledScenario;

/**
 * The end of a recording is a rest: after its last observation the model must reach, by internal
 * steps, a state where the threads the harness saw finish have finished, those it saw blocked are
 * unfinished and cannot move, and no internal steps lead to an observation of a thread that is not
 * silent (killed, or gone with its process).
 */
class QuiescenceTest {
    private static final String MODEL = """
            var go: bool;
            var never: bool;
            var fin: bool;
            proc starter() { go = true; observe started(); }
            proc waiter() { await go; observe woke(); }
            proc quiet_waiter() { await go; fin = true; }
            proc sleeper() { await never; observe woke(); }
            scenario observing { thread w = waiter(); thread st = starter(); expect holds; }
            scenario quiet { thread w = quiet_waiter(); thread st = starter(); expect holds; }
            scenario sleeping { thread w = sleeper(); thread st = starter(); expect holds; }
            """;

    private static Conformance.Options ended(Set<String> finished, Set<String> blocked, Set<String> silent) {
        return new Conformance.Options(1_000_000, finished, blocked, silent);
    }

    private static ConformResult check(String scenario, Conformance.Options o, String... lines) {
        return Conformance.check(Models.inline(MODEL, scenario), recording(lines), o);
    }

    /** The refutation of st: started() with st finished and w blocked, and its report. */
    private static String refutedWithWBlocked(String scenario, Set<String> instead) {
        CompiledScenario cs = Models.inline(MODEL, scenario);
        Recording rec = recording("st: started()");
        ConformResult r = Conformance.check(cs, rec, ended(Set.of("st"), Set.of("w"), Set.of()));
        ConformResult.Refuted f = assertInstanceOf(ConformResult.Refuted.class, r);
        assertEquals(1, f.matched());
        assertNull(f.unmatched());
        assertEquals(instead, f.instead().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()));
        return ConformReport.render(cs, rec, r);
    }

    @Test
    void aBlockedThreadThatCouldStillObserveRefutes() {
        String report = refutedWithWBlocked("observing", Set.of("w: woke()"));
        assertTrue(report.contains("the model cannot rest here: thread w can still observe w: woke()"), report);
        // Once w's observation is recorded too, every thread finished: a rest.
        assertInstanceOf(ConformResult.Conforms.class,
                check("observing", Conformance.Options.DEFAULT, "st: started()", "w: woke()"));
    }

    @Test
    void aBlockedThreadTheModelLetsFinishRefutes() {
        // quiet_waiter finishes without observing: the model could leave it unfinished only by not
        // running it, but it can move, and the harness saw it asleep.
        String report = refutedWithWBlocked("quiet", Set.of());
        assertTrue(report.contains("the model cannot rest here: thread w, which the harness saw blocked, can still move"), report);
        // Seen to return, it conforms.
        assertInstanceOf(ConformResult.Conforms.class, check("quiet", ended(Set.of("st", "w"), Set.of(), Set.of()), "st: started()"));
    }

    @Test
    void aThreadAsleepForEverRestsBlocked() {
        assertInstanceOf(ConformResult.Conforms.class, check("sleeping", ended(Set.of("st"), Set.of("w"), Set.of()), "st: started()"));
        // Said to have finished, it cannot be: sleeper never returns.
        ConformResult.Refuted f = assertInstanceOf(ConformResult.Refuted.class,
                check("sleeping", ended(Set.of("st", "w"), Set.of(), Set.of()), "st: started()"));
        assertTrue(f.rest().startsWith("no run of the model can then end as the run did (w, st finished"), f.rest());
    }

    @Test
    void aSilentThreadsObservationsDoNotCount() {
        // w was killed (or its process ended): what it could still observe, nobody sees.
        assertInstanceOf(ConformResult.Conforms.class, check("observing", ended(Set.of("st"), Set.of(), Set.of("w")), "st: started()"));
    }

    @Test
    void theOldTwoArgumentOptionsLeaveTheOtherThreadsAlone() {
        // Threads outside mustFinish are silent: a run cut short at a timeout says nothing of them.
        assertInstanceOf(ConformResult.Conforms.class, check("observing", new Conformance.Options(1_000_000, Set.of("st")),
                "st: started()"));
    }
}
