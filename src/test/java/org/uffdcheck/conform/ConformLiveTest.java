package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.cli.Main;
import picocli.CommandLine;

/**
 * uffdcheck conform on the live kernel, end to end: the Linux 6.12 models conform, and the 4.11
 * models are refuted where current kernels differ, with exit 1 and the check's report.
 */
class ConformLiveTest {
    private static final String KERNEL = "src/test/resources/conform/kernel/";

    record Result(int code, String out, String err) {}

    private static Result conform(String... args) {
        LiveKernel.harness();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "conform";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Result(cl.execute(all), out.toString(), err.toString());
    }

    /** The shipped suite, as CI runs it: every run of every scenario conforms, within the time CI allows. */
    @Test
    void theShippedSuiteConforms(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("suite.json");
        long t0 = System.nanoTime();
        Result r = conform("--runs", "3", "--json", json.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(Main.HOLDS, r.code(), r.out() + r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertTrue(root.get("scenarios").size() > 0);
        for (JsonNode s : root.get("scenarios")) assertEquals(3, s.get("conforming").asInt(), s.toString());
        System.out.printf("the shipped conformance suite: %d scenarios, 3 runs each, %.1f s%n", root.get("scenarios").size(),
                seconds);
    }

    @Test
    void theCopyMutantIsRefutedByTheRecordingsOfItsTwin() {
        Result r = conform("--model", "models/conform/copy.uffd", "--only", "copy_across_uffds", "--against",
                "models/mutants/copy_checks_vma_ctx.uffd", "--runs", "3");
        assertEquals(Main.VIOLATION, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("REFUTED copy_across_uffds"), r.out());
        assertTrue(r.out().contains("the model could observe there instead: copier: copy(0, 1, 1, -2, 0)"), r.out());
    }

    @Test
    void theLinux411TwinIsRefutedByAForkThatReturnsAfterTheCloseOnceItSlept() {
        Result r = conform("--model", "models/conform/events.uffd", "--only", "close_aborts_pending_fork", "--against",
                "models/conform/v4.11_differences.uffd", "--runs", "3");
        assertEquals(Main.VIOLATION, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("REFUTED close_aborts_pending_fork (models/conform/events.uffd), 3 of 3 runs"), r.out());
        // The close's own observation is recorded when close() returns, which may be after the
        // fork it woke returned: either way the fork's return is what 4.11 cannot make.
        assertTrue(r.out().matches("(?s).*first observation the model cannot make: #[23] [^\\n]* forker: fork\\(0\\)\n.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*close_aborts_pending_fork +3 +0 +3 +0 .*"), r.out());
    }

    @Test
    void theLinux612ModelConformsWhenTheMonitorActsWhileAForkIsPending(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Result r = conform("--model", KERNEL + "fork_pending_v6.12.uffd", "--include-path", "models", "--runs", "4",
                "--json", json.toString());
        assertEquals(Main.HOLDS, r.code(), r.out() + r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.get("scenarios").size());
        for (JsonNode s : root.get("scenarios")) {
            assertEquals(4, s.get("conforming").asInt(), s.toString());
            assertTrue(s.get("op_script").asText().contains("  poll 0\n"), s.toString());
        }
    }

    @Test
    void theLinux411ModelIsRefutedByCopysEagainWhileAForkIsPending() {
        Result r = conform("--model", KERNEL + "fork_pending_v4.11.uffd", "--include-path", "models", "--runs", "3");
        assertEquals(Main.VIOLATION, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("REFUTED copy_while_fork_pending"), r.out());
        assertTrue(r.out().contains("first observation the model cannot make: #1"), r.out());
        assertTrue(r.out().contains("mon: copy(0, 0, 1, -11, 0)"), r.out());
        assertTrue(r.out().contains("the model could observe there instead: mon: copy(0, 0, 1, 0, 1)"), r.out());
        assertTrue(r.out().matches("(?s).*close_ends_pending_fork +3 +3 +0 +0 .*"), r.out());
    }
}
