package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness on the live kernel, its recordings checked against facts of a current kernel
 * directly (no model involved): one FORK per ctx, UNMAP per ctx with the whole range, REMOVE per
 * VMA, COPY's errors, a FORK kept queued by EMFILE, close ending a pending fork, and a run that
 * hangs killed with every process it started.
 */
class HarnessLiveTest {
    private static final int RUNS = 3;

    private static List<HarnessOutput> run(List<String> setup, List<OpScript.Thread> threads) throws Exception {
        OpScript s = new OpScript("live", 4, 8, setup, threads, List.of());
        List<HarnessOutput> out = new ArrayList<>();
        HarnessRun h = new HarnessRun(LiveKernel.harness(), 5000, 100);
        for (int i = 0; i < RUNS; i++) {
            HarnessOutput r = h.run(s);
            assertTrue(r.errors().isEmpty(), () -> "harness errors: " + r.lines());
            out.add(r);
        }
        return out;
    }

    private static OpScript.Thread proc(String name, int m, String... ops) {
        return new OpScript.Thread(name, m, List.of(ops));
    }

    private static OpScript.Thread mon(String... ops) {
        return new OpScript.Thread("mon", OpScript.MONITOR, List.of(ops));
    }

    private static List<String> shown(HarnessOutput r, String thread) {
        List<String> out = new ArrayList<>();
        for (HarnessOutput.Recorded o : r.observations()) if (o.thread().equals(thread)) out.add(o.name() + o.args());
        return out;
    }

    @Test
    void oneForkPerCtxHoweverManyVmas() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 fork", "vma 0 0 1 0", "vma 0 1 2 0"),
                List.of(proc("fork", 0, "fork 1"), mon("read 0", "read 0")))) {
            assertEquals(List.of("read[0, UFFD_EVENT_FORK, 1, 0, 0]"), shown(r, "mon"), r.lines()::toString);
            assertEquals(List.of("fork[0]"), shown(r, "fork"));
            assertEquals(1, r.blocked().size());
            assertEquals("mon", r.blocked().get(0).thread());
            assertEquals(1, r.blocked().get(0).op());
        }
    }

    @Test
    void unmapOncePerCtxWithTheWholeRangeAndTheCallerWaitsForBoth() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 unmap", "uffd 1 0 unmap", "vma 0 0 1 0", "vma 0 2 3 1"),
                List.of(proc("unmap", 0, "munmap 0 4"), mon("read 0", "read 1")))) {
            assertEquals(List.of("read[0, UFFD_EVENT_UNMAP, 0, 4, 0]", "read[1, UFFD_EVENT_UNMAP, 0, 4, 0]"),
                    shown(r, "mon"), r.lines()::toString);
            long firstRead = r.observations().stream().filter(o -> o.thread().equals("mon")).findFirst().orElseThrow().seq();
            HarnessOutput.Recorded ret = r.observations().stream().filter(o -> o.thread().equals("unmap")).findFirst().orElseThrow();
            assertEquals(List.of("0"), ret.args());
            assertTrue(ret.seq() > firstRead, r.lines()::toString);
            assertTrue(r.blocked().isEmpty());
        }
    }

    @Test
    void dontneedGivesOneRemovePerVmaClippedToIt() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 remove", "vma 0 0 1 0", "vma 0 1 2 0", "page 0 0 0",
                "page 0 1 0"), List.of(proc("advise", 0, "madvise 0 2 4"), mon("read 0", "read 0", "read 0")))) {
            assertEquals(List.of("read[0, UFFD_EVENT_REMOVE, 0, 1, 0]", "read[0, UFFD_EVENT_REMOVE, 1, 2, 0]"),
                    shown(r, "mon"), r.lines()::toString);
            assertEquals(List.of("madvise[0]"), shown(r, "advise"));
        }
    }

    @Test
    void copyErrors() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 none", "vma 0 0 2 0", "page 0 1 0"),
                List.of(mon("copy 0 3 1", "copy 0 1 1", "copy 0 0 2", "zeropage 0 0 1")))) {
            assertEquals(List.of("copy[0, 3, 1, -2, 0]", "copy[0, 1, 1, -17, 0]", "copy[0, 0, 2, -11, 1]",
                    "zeropage[0, 0, 1, -17, 0]"), shown(r, "mon"), r.lines()::toString);
        }
    }

    @Test
    void aForkReadWithAFullFdTableFailsAndStaysQueued() throws Exception {
        OpScript s = new OpScript("emfile", 2, 2, List.of("process 0", "uffd 0 0 fork", "uffd 1 0 none", "vma 0 0 1 0"),
                List.of(proc("fork", 0, "fork 1"), mon("read 0", "close_uffd 1", "read 0")), List.of());
        HarnessRun h = new HarnessRun(LiveKernel.harness(), 5000, 100);
        for (int i = 0; i < RUNS; i++) {
            HarnessOutput r = h.run(s);
            // The closed uffd's number stays taken, as the model's monitor slots do: the new one is 2.
            assertEquals(List.of("read_failed[0, -24]", "uffd_close[1, 0]", "read[0, UFFD_EVENT_FORK, 2, 0, 0]"),
                    shown(r, "mon"), r.lines()::toString);
            assertEquals(List.of("fork[0]"), shown(r, "fork"));
        }
    }

    @Test
    void closingTheUffdEndsAPendingFork() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 fork", "vma 0 0 1 0"),
                List.of(proc("fork", 0, "fork 1", "touch 0"), mon("poll 0", "close_uffd 0")))) {
            assertEquals(List.of("uffd_close[0, 0]"), shown(r, "mon"));
            // Released, the ctx no longer holds the range: the touch maps a zero page.
            assertEquals(List.of("fork[0]", "touch[0, FAULT_OK]"), shown(r, "fork"), r.lines()::toString);
            // No order between the two: the release wakes the fork inside close(), and either
            // thread may log first once both calls have returned.
            assertTrue(r.blocked().isEmpty());
        }
    }

    @Test
    void copyFailsWithEagainWhileAForkIsPendingAndNotAfter() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 fork", "vma 0 0 2 0"),
                List.of(proc("fork", 0, "fork 1"), mon("read_nonblock 0", "poll 0", "copy 0 0 1", "read 0")))) {
            List<String> m = shown(r, "mon");
            if (m.get(0).startsWith("read_failed")) {
                assertEquals(List.of("read_failed[0, -11]", "copy[0, 0, 1, -11, 0]", "read[0, UFFD_EVENT_FORK, 1, 0, 0]"),
                        m, r.lines()::toString);
            } else {
                // The FORK came before the first read: then nothing is pending and the poll waits for ever.
                assertEquals(List.of("read[0, UFFD_EVENT_FORK, 1, 0, 0]"), m, r.lines()::toString);
                assertEquals("poll", r.blocked().get(0).call());
            }
        }
    }

    @Test
    void twoThreadsForksArePendingTogether() throws Exception {
        // poll_events returns only once both forkers wait for their FORK at the same time.
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 fork", "vma 0 0 1 0"),
                List.of(proc("a", 0, "fork 1"), proc("b", 0, "fork 2"), mon("poll_events 0 2", "read 0", "read 0")))) {
            assertEquals(List.of("read[0, UFFD_EVENT_FORK, 1, 0, 0]", "read[0, UFFD_EVENT_FORK, 2, 0, 0]"),
                    shown(r, "mon"), r.lines()::toString);
            assertEquals(List.of("fork[0]"), shown(r, "a"));
            assertEquals(List.of("fork[0]"), shown(r, "b"));
            assertTrue(r.blocked().isEmpty(), r.lines()::toString);
        }
    }

    @Test
    void aFaultIsReadBeforeAnEventQueuedBeforeIt() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 unmap", "vma 0 0 1 0", "vma 0 1 2 0", "keep 0 0"),
                List.of(proc("unmap", 0, "munmap 1 2", "close 0"), proc("touch", 0, "poll 0", "touch 0"),
                        mon("poll_fault 0", "read 0", "read 0", "close_uffd 0")))) {
            assertEquals(List.of("read[0, UFFD_EVENT_PAGEFAULT, 0, 0, 0]", "read[0, UFFD_EVENT_UNMAP, 1, 2, 0]",
                    "uffd_close[0, 0]"), shown(r, "mon"), r.lines()::toString);
            assertEquals(List.of("touch[0, FAULT_OK]"), shown(r, "touch"));
        }
    }

    /** [1, 2) is mapped, so [0, 1) cannot grow in place; "area top" puts [2, 4) where the kernel moves it. */
    @Test
    void aGrowThatCannotExtendMovesToTheHighestFreePagesOfTheArea() throws Exception {
        List<String> setup = List.of("area top", "process 0", "uffd 0 0 unmap,remap", "vma 0 0 1 0", "vma 0 1 2 -1");
        for (HarnessOutput r : run(setup, List.of(proc("grow", 0, "mremap 0 1 2 1 0"), mon("read 0", "read 0")))) {
            List<String> seen = new ArrayList<>(shown(r, "mon"));
            seen.addAll(shown(r, "grow"));
            assertEquals(List.of("read[0, UFFD_EVENT_REMAP, 0, 2, 1]", "read[0, UFFD_EVENT_UNMAP, 0, 1, 0]", "mremap[0]"),
                    seen, r.lines()::toString);
        }
    }

    @Test
    void aThreadOfAChildRunsInTheChildAfterTheForkIsRead() throws Exception {
        for (HarnessOutput r : run(List.of("process 0", "uffd 0 0 fork", "vma 0 0 2 0", "page 0 0 0"),
                List.of(proc("fork", 0, "fork 1"), proc("child", 1, "touch 0", "touch 1"),
                        mon("read 0", "read 1", "copy 1 1 1")))) {
            assertEquals(List.of("read[0, UFFD_EVENT_FORK, 1, 0, 0]", "read[1, UFFD_EVENT_PAGEFAULT, 1, 0, 0]",
                    "copy[1, 1, 1, 0, 1]"), shown(r, "mon"), r.lines()::toString);
            assertEquals(List.of("touch[0, FAULT_OK]", "touch[1, FAULT_OK]"), shown(r, "child"));
        }
    }

    @Test
    void aRunPastItsTimeoutIsKilledWithEveryProcessItStarted(@TempDir Path dir) throws Exception {
        OpScript s = new OpScript("hang", 1, -1, List.of("process 0", "uffd 0 0 fork", "vma 0 0 1 0"),
                List.of(proc("fork", 0, "fork 1"), proc("child", 1, "touch 0")), List.of());
        Path file = dir.resolve("hang-" + ProcessHandle.current().pid() + ".ops");
        Files.writeString(file, s.text());
        // A settle time past the timeout: the blocked fork is not taken for the end of the run.
        Process p = new ProcessBuilder(LiveKernel.harness().toString(), file.toString(), "400", "100000").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(4, p.exitValue(), out);
        HarnessOutput r = HarnessOutput.parse(out.lines().toList());
        assertTrue(r.errors().stream().anyMatch(e -> e.contains("timeout")), out);
        assertTrue(r.blocked().stream().anyMatch(b -> b.thread().equals("fork") && b.wchan().contains("userfaultfd")), out);
        Thread.sleep(200);
        List<Long> left = ProcessHandle.allProcesses()
                .filter(ph -> ph.info().arguments().map(a -> List.of(a).contains(file.toString())).orElse(false))
                .map(ProcessHandle::pid).toList();
        assertEquals(List.of(), left, "processes of the run still there");
    }

    @Test
    void aScriptTheHarnessRefusesIsAnErrorOfTheRun() throws Exception {
        OpScript s = new OpScript("bad", 2, -1, List.of("process 0", "vma 0 1 9 -1"), List.of(), List.of());
        HarnessOutput r = new HarnessRun(LiveKernel.harness(), 5000, 100).run(s);
        assertTrue(r.failed());
        assertTrue(r.errors().get(0).contains("refused the op script"), r.errors()::toString);
        assertTrue(r.errors().get(0).contains("vma line"), r.errors()::toString);
    }
}
