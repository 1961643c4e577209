package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaceDiagramTest {
    @TempDir
    Path dir;

    @Test
    void forkDeadlockShowsOneColumnPerThreadTheLockAndTheQueuedEvent() {
        Counterexample cx = Counterexamples.of(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        String text = RaceDiagram.render(cx, true);
        String header = text.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("step"), header);
        assertTrue(header.indexOf("forker") < header.indexOf("monitor"), header);
        assertTrue(text.contains("[+] mmap_sem (write)"), text);
        assertTrue(text.contains("[>] event_wqh: UFFD_EVENT_FORK"), text);
        assertTrue(text.contains("violated: deadlock"), text);
        assertTrue(text.contains("blocked at"), text);
        assertTrue(text.contains("mmap_sem = write-locked by forker"), text);
    }

    @Test
    void eachStepSitsInItsThreadsColumn() {
        Counterexample cx = Counterexamples.of(Counterexamples.ABBA, "abba");
        List<String> lines = RaceDiagram.render(cx, true).lines().toList();
        int col2 = lines.get(0).indexOf(cx.threadName(1));
        for (TraceStep s : cx.steps()) {
            String row = lines.stream().filter(l -> l.startsWith(String.format("%4d ", s.number()))).findFirst().orElseThrow();
            int at = row.indexOf(s.proc(), 5);
            assertEquals(s.thread() == 1, at >= col2, "step " + s.number() + " in the wrong column: " + row);
        }
        assertTrue(String.join("\n", lines).contains("[+] a"));
        assertTrue(String.join("\n", lines).contains("[+] b"));
    }

    @Test
    void threeThreadsFitOneHundredColumns() {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.THREE_THREADS, "three"));
        assertEquals(3, cx.threadCount());
        for (boolean full : new boolean[] {false, true}) {
            for (String line : RaceDiagram.render(cx, full).split("\n")) {
                assertTrue(line.length() <= RaceDiagram.WIDTH, "too wide (" + line.length() + "): " + line);
            }
        }
        String text = RaceDiagram.render(cx, true);
        assertTrue(text.contains("[<] queue: 1"), text);
        assertTrue(text.contains("[-] lock"), text);
    }

    @Test
    void fullShowsEveryStepAndFoldingKeepsEveryStepCovered() {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.THREE_THREADS, "three"));
        List<RaceDiagram.Row> full = RaceDiagram.rows(cx.steps(), true);
        assertEquals(cx.steps().size(), full.size());
        List<RaceDiagram.Row> folded = RaceDiagram.rows(cx.steps(), false);
        List<TraceStep> covered = new ArrayList<>();
        for (RaceDiagram.Row r : folded) covered.addAll(r.steps());
        assertEquals(cx.steps(), covered);
    }

    @Test
    void aQuietRunOfOneThreadFoldsIntoOneRowThatShowsItsLastStep() {
        List<TraceStep> steps = List.of(
                step(1, 0, false), step(2, 0, false), step(3, 0, false), step(4, 0, true),
                step(5, 1, false), step(6, 1, true), step(7, 0, false));
        List<RaceDiagram.Row> rows = RaceDiagram.rows(steps, false);
        assertEquals(List.of("1-4", "5", "6", "7"), rows.stream().map(RaceDiagram.Row::label).toList());
        assertEquals(4, rows.get(0).last().number());
    }

    @Test
    void aFoldedRowSaysHowManyStepsItHides() {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.THREE_THREADS, "three"));
        String folded = RaceDiagram.render(cx, false);
        boolean anyFold = RaceDiagram.rows(cx.steps(), false).stream().anyMatch(r -> r.steps().size() > 1);
        assertEquals(anyFold, folded.contains(" steps, lines "), folded);
        assertFalse(RaceDiagram.render(cx, true).contains(" steps, lines "));
    }

    private static TraceStep step(int n, int thread, boolean shared) {
        return new TraceStep(n, thread, "t" + thread, "p", "m.uffd", n, "x = " + n + ";", List.of(), List.of(), null, shared);
    }

    @Test
    void theStateAtTheEndShowsEveryObjectWithItsFields() {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.HEAP, "publish_early"));
        String text = RaceDiagram.render(cx, false);
        String end = text.substring(text.indexOf("state at the end:"), text.indexOf("legend:"));
        assertEquals("""
                state at the end:
                  shared = ctx#1
                  ctx#1 = {refcount: 2, owner: w, peer: null, table: page_table#1}
                  page_table#1 (on the stack of w) = {pages: [false x7, true]}
                  freed: ctx#2
                """, end);
        assertTrue(text.contains("page_table#1.pages = [false, false, false,"), "step rows do not fold arrays: " + text);
        String list = TextTrace.state(cx.scenario(), cx.trace().last());
        assertTrue(list.contains("    ctx#1 = {refcount: 2, owner: w, peer: null, table: page_table#1}\n"), list);
        assertTrue(list.contains("    freed: ctx#2\n"), list);
    }

    @Test
    void aKernelObjectsFieldsShowInTheStateAtTheEnd() {
        Counterexample cx = Counterexamples.of(Counterexamples.UNMAP_MUTANT, "unmap_under_mmap_sem");
        String text = RaceDiagram.render(cx, false);
        String end = text.substring(text.indexOf("state at the end:"), text.indexOf("legend:"));
        assertTrue(end.contains("\n  userfaultfd_ctx#1 = {fault_pending_wqh: {lock: free, head: []},"), end);
        assertTrue(end.contains("refcount: 2"), end);
        assertTrue(end.contains("\n  mm_struct#1 = {mmap_sem: write-locked by munmap,"), end);
        for (String line : end.split("\n")) {
            assertTrue(line.length() <= RaceDiagram.WIDTH, "too wide (" + line.length() + "): " + line);
        }
    }
}
