package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uffdcheck.compile.CompiledScenario;

/**
 * Recordings written by hand from what the live kernel does (the facts measured on a running
 * kernel), checked against the models: the Linux 6.12 scenarios match them, and the 4.11 twins and
 * the mutant do not where they differ from the live kernel.
 */
class TeethTest {
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "copy_while_unmap_pending, conform/copy.uffd, conforms",
        "copy_while_unmap_pending, conform/v4.11_differences.uffd, refuted",
        "emfile_keeps_fork_queued, conform/events.uffd, conforms",
        "emfile_keeps_fork_queued, conform/v4.11_differences.uffd, refuted",
        "close_aborts_pending_fork, conform/events.uffd, conforms",
        // The close comes once the fork's waiter sleeps (the monitor saw it asleep): 4.11's release
        // does not wake it, so it cannot return.
        "close_aborts_pending_fork, conform/v4.11_differences.uffd, refuted",
        "copy_across_uffds, conform/copy.uffd, conforms",
        "copy_across_uffds, mutants/copy_checks_vma_ctx.uffd, refuted",
        "fork_two_ctxs, conform/fork.uffd, conforms",
        "munmap_two_ctxs, conform/unmap.uffd, conforms",
        "madvise_free_two_vmas, conform/remap_remove.uffd, conforms",
        "mremap_move, conform/remap_remove.uffd, conforms",
        "copy_partial, conform/copy.uffd, conforms",
        "copy_after_exit, conform/copy.uffd, conforms",
        "sigkill_withdraws_unmap, conform/events.uffd, conforms",
        "fault_read_before_event, conform/events.uffd, conforms",
        "dontfork_only_vma, conform/fork.uffd, conforms",
        "dontfork_one_of_two, conform/fork.uffd, conforms",
        "two_forks_pending, conform/fork.uffd, conforms",
        "mremap_grow_moves, conform/remap_remove.uffd, conforms",
    })
    void liveKernelRecording(String scenario, String model, String verdict) throws IOException {
        check(scenario, model, scenario + ".jsonl", verdict);
    }

    /**
     * The UNMAP queued first read first, as FIFO order across faults and events would give it:
     * refuted, since userfaultfd_ctx_read() looks at the pending faults before the events.
     */
    @Test
    void anEventReadBeforeAFaultPendingWithItIsRefuted() throws IOException {
        check("fault_read_before_event", "conform/events.uffd", "fault_read_before_event.fifo.jsonl", "refuted");
    }

    /**
     * A live run: the child faulted before its parent's fork() returned. kernel_clone() wakes the
     * child before it returns to the parent, so the model must allow this order.
     */
    @Test
    void theChildMayRunBeforeItsParentsForkReturns() throws IOException {
        check("dontfork_only_vma", "conform/fork.uffd", "dontfork_only_vma.child_first.jsonl", "conforms");
    }

    private static void check(String scenario, String model, String file, String verdict) throws IOException {
        CompiledScenario cs = Models.scenario(model, scenario);
        Recording rec = Recording.read(Path.of("src/test/resources/conform", file));
        ConformResult r = Conformance.check(cs, rec, Conformance.Options.DEFAULT);
        Class<? extends ConformResult> want = verdict.equals("conforms") ? ConformResult.Conforms.class : ConformResult.Refuted.class;
        assertInstanceOf(want, r, () -> ConformReport.render(cs, rec, r));
    }

    @Test
    void linux411CannotReturnTheForkItLeftAsleep() throws IOException {
        CompiledScenario cs = Models.scenario("conform/v4.11_differences.uffd", "close_aborts_pending_fork");
        Recording rec = Recording.read(Path.of("src/test/resources/conform/close_aborts_pending_fork.jsonl"));
        ConformResult.Refuted f = assertInstanceOf(ConformResult.Refuted.class, Conformance.check(cs, rec, Conformance.Options.DEFAULT));
        assertEquals(2, f.matched());
        assertEquals(Models.obs("forker: fork(0)"), f.unmatched());
    }
}
