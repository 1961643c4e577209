package org.uffdcheck.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.Observation;

/**
 * What the diff reports between shipped models: the kernel versions of models/diff, and each
 * mutant against its fixed twin. Each case names the first difference it must find.
 */
class ShippedDiffsTest {
    private static final String OLD = "diff/v4.10.uffd";
    private static final String V411 = "diff/v4.11.uffd";
    private static final String V612 = "diff/v6.12.uffd";

    @Test
    void theForkEventBecomesVisibleIn411() {
        Difference d = differs("fork", OLD, V411, Difference.Kind.TRACE, 1, 0);
        assertEquals(monitor("read", "0", "UFFD_EVENT_FORK", "1", "0", "0"), label(d));
    }

    @Test
    void theUnmapEventBecomesVisibleIn411() {
        Difference d = differs("munmap", OLD, V411, Difference.Kind.TRACE, 1, 0);
        assertEquals(monitor("read", "0", "UFFD_EVENT_UNMAP", "1", "2", "0"), label(d));
    }

    @Test
    void copyCanFailWithEagainIn612WhileAnEventIsPending() {
        for (String s : List.of("munmap", "fork")) {
            Difference d = differs(s, V411, V612, Difference.Kind.TRACE, 1, 0);
            assertEquals(monitor("copy", "0", "1", "1", "-11", "0"), label(d), s);
        }
    }

    @Test
    void closeUnblocksAPendingForkIn612() {
        // 4.11 can rest with the close done and the fork asleep for ever; 6.12's close wakes it.
        Difference d = differs("close_fork", V411, V612, Difference.Kind.REFUSAL, 0, 0);
        assertEquals(List.of(monitor("uffd_close", "0", "0")), observations(d.stableOffer()));
        assertEquals(List.of(List.of(monitor("uffd_close", "0", "0"), new Observation("fork", "fork", List.of("0")))),
                d.otherOffers().stream().map(this::observations).toList());
    }

    @Test
    void aForkReadWithAFullFdTableStaysQueuedIn612() {
        Difference d = differs("fork_read_emfile", V411, V612, Difference.Kind.TRACE, 1, 1);
        Observation emfile = monitor("read_failed", "0", "-24");
        assertEquals(List.of(emfile), observations(d.trace()));
        assertEquals(emfile, label(d));
        assertArrayEquals(new int[0], d.otherNext());
    }

    @Test
    void eachMutantDiffersFromItsFixedTwin() {
        String[][] cases = {
            {"mutants/fork_event_per_vma.uffd", "fork_event_per_vma", "mutants/fork_event_per_vma.uffd", "fixed"},
            {"mutants/fork_events_before_up_write.uffd", "fork_events_before_up_write",
                "mutants/fork_events_before_up_write.uffd", "fixed"},
            {"mutants/unmap_under_mmap_sem.uffd", "unmap_under_mmap_sem", "mutants/unmap_under_mmap_sem.uffd", "fixed"},
            {"mutants/v4.10_kernel_under_event_monitor.uffd", "munmap_unseen",
                "mutants/fixed/v4.11_kernel_under_event_monitor.uffd", "munmap_unseen"},
        };
        for (String[] c : cases) {
            ScenarioDiff.Result r = Shipped.diff(c[0], c[1], c[2], c[3]);
            assertEquals(Outcome.Status.DIFFERENT, r.outcome().status(), c[1]);
            runShowsTheDifference(r);
        }
    }

    private Difference differs(String scenario, String oldFile, String newFile, Difference.Kind kind, int side, int traceLength) {
        ScenarioDiff.Result r = Shipped.diff(oldFile, scenario, newFile, scenario);
        assertEquals(Outcome.Status.DIFFERENT, r.outcome().status(), scenario);
        Difference d = r.outcome().difference();
        assertEquals(kind, d.kind(), scenario);
        assertEquals(side, d.side(), scenario);
        assertEquals(traceLength, d.trace().length, scenario);
        runShowsTheDifference(r);
        alphabet = r.alphabet();
        return d;
    }

    private Alphabet alphabet;

    /** The run of the differing side makes exactly the observations of the difference, and the other's those before it. */
    private static void runShowsTheDifference(ScenarioDiff.Result r) {
        Difference d = r.outcome().difference();
        assertEquals(2, r.runs().size());
        assertEquals(d.side(), r.runs().get(0).side());
        assertArrayEquals(d.run(), observed(r.runs().get(0)));
        assertArrayEquals(d.trace(), observed(r.runs().get(1)));
    }

    private static int[] observed(ScenarioDiff.SideRun run) {
        return java.util.Arrays.stream(run.observations()).filter(l -> l != Lts.INTERNAL).toArray();
    }

    private Observation label(Difference d) {
        return alphabet.observation(d.label());
    }

    private List<Observation> observations(int[] labels) {
        List<Observation> out = new ArrayList<>();
        for (int l : labels) out.add(alphabet.observation(l));
        return out;
    }

    private static Observation monitor(String name, String... args) {
        return new Observation("monitor", name, List.of(args));
    }
}
