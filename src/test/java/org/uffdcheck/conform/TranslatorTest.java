package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;

/** The op script of a scenario is its init's set-up and its threads' calls, and nothing else passes. */
class TranslatorTest {
    private static final Path DIR = Path.of("src/test/resources/conform");

    private static CheckedModel load(String name) {
        Path p = DIR.resolve(name);
        return Checker.check(ModelLoader.load(p, p.toString(), List.of()));
    }

    @Test
    void setUpAndThreadsThroughTheScenariosOwnProcedures() {
        CheckedModel m = load("translate_ok.uffd");
        OpScript s = Translator.translate(m, m.scenarios.get("everything"));
        assertEquals("""
                # uffdcheck conform op script
                scenario everything
                pages 4
                fds 4
                process 0
                uffd 0 0 fork,unmap
                uffd 1 0 unmap,remap,remove
                vma 0 0 1 0
                vma 0 1 2 1
                vma 0 2 4 -1
                page 0 0 0
                keep 0 1
                thread fork 0
                  fork 1
                  fork 2
                thread child 1
                  touch 1
                thread unmap 0
                  munmap 0 2
                thread advise 0
                  madvise 1 1 4
                thread mon monitor
                  read_nonblock 0
                  poll 0
                  read 0
                  read 0
                  copy 1 1 1
                thread wake monitor
                  wake 1 1 1
                kill unmap
                """, s.text());
    }

    @Test
    void pollsOfAProcessAFaultAndEventsAndAnAreaForTheKernelsMove() {
        CheckedModel m = load("translate_ok.uffd");
        OpScript s = Translator.translate(m, m.scenarios.get("polls"));
        String text = s.text();
        assertTrue(text.contains("fds 4\narea top\nprocess 0\n"), text);
        assertTrue(text.contains("thread toucher 0\n  poll 1\n  touch 0\n"), text);
        assertTrue(text.contains("thread grower 0\n  mremap 0 1 2 1 0\n"), text);
        assertTrue(text.contains("thread mon monitor\n  poll_fault 0\n  poll_events 1 2\n  read 1\n"), text);
        // Without such a move the area stays where it is.
        assertTrue(!Translator.translate(m, m.scenarios.get("everything")).text().contains("area"));
    }


    /** A process polls only its own fd of a uffd; the monitor reads the fdinfo of set-up uffds only. */
    @Test
    void aPollTheHarnessHasNoFdForIsRefused() {
        assertTrue(refusal("poll_without_fd").contains("scenario poll_without_fd cannot run on the kernel: thread t "
                + "calls process_poll(0, 0), but process 0 has no fd of uffd 0 (new_process_fd)"));
        assertTrue(refusal("poll_fault_of_a_forked_uffd").contains(
                "thread t calls mon_poll_fault(1), but uffd 1 is not one of the set-up's"));
    }

    private static String refusal(String scenario) {
        CheckedModel m = load("translate_bad.uffd");
        ModelError e = assertThrows(ModelError.class, () -> Translator.translate(m, m.scenarios.get(scenario)));
        return e.diagnostics().render();
    }

    @Test
    void aTaskArgumentBecomesTheNameOfTheThreadAnAsleepOpWatches() {
        Path p = Path.of("models/conform/events.uffd");
        CheckedModel m = Checker.check(ModelLoader.load(p, p.toString(), List.of()));
        OpScript s = Translator.translate(m, m.scenarios.get("close_aborts_pending_fork"));
        assertEquals(List.of("asleep forker", "close_uffd 0"), s.thread("closer").ops());
        assertEquals(OpScript.MONITOR, s.thread("closer").process());
    }

    @Test
    void anInitThatAssignsIsRefusedWhereItAssigns() {
        String r = refusal("init_assigns");
        assertTrue(r.contains("translate_bad.uffd:14:12: error: scenario init_assigns cannot run on the kernel: "
                + "init does more than call set-up procedures"), r);
    }

    @Test
    void aThreadThatAssignsIsRefusedInItsProcedure() {
        String r = refusal("thread_assigns");
        assertTrue(r.contains("translate_bad.uffd:4:5: error: scenario thread_assigns cannot run on the kernel: "
                + "thread t calls busy, which does more than call process and monitor procedures"), r);
    }

    @Test
    void aThreadInTwoPlacesIsRefused() {
        String r = refusal("thread_mixes");
        assertTrue(r.contains("thread t calls mon_read in the monitor, but runs in process 0 already"), r);
    }

    @Test
    void aThreadCallingAnythingElseIsRefused() {
        String r = refusal("thread_calls_other");
        assertTrue(r.contains("scenario thread_calls_other cannot run on the kernel: thread t calls other, which does more"), r);
    }

    @Test
    void injectedFailuresAreRefused() {
        String r = refusal("injects");
        assertTrue(r.contains("it injects failures (alloc), which a kernel run cannot choose"), r);
    }

    @Test
    void tooManyOpsAreRefused() {
        String r = refusal("too_many_reads");
        assertTrue(r.contains("thread t has more than 32 operations"), r);
    }
}
