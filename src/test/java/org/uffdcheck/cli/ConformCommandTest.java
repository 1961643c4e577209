package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** uffdcheck conform's options that need no kernel: the op scripts, the choice of scenarios, usage. */
class ConformCommandTest {
    private static final String DIR = "src/test/resources/conform/";

    @Test
    void printOpsShowsWhatTheHarnessWouldRunAndRunsNothing() {
        CliTest.Result r = CliTest.run("conform", "--model", DIR + "translate_ok.uffd", "--print-ops");
        assertEquals(Main.HOLDS, r.code(), r.all());
        assertTrue(r.out().contains("scenario everything\n"), r.out());
        assertTrue(r.out().contains("thread mon monitor\n  read_nonblock 0\n  poll 0\n  read 0\n  read 0\n  copy 1 1 1\n"), r.out());
        assertTrue(r.out().contains("kill unmap\n"), r.out());
    }

    @Test
    void onlyTranslatesTheScenariosNamed() {
        CliTest.Result r = CliTest.run("conform", "--model", DIR + "translate_bad.uffd", "--only", "thread_mixes,too_many_reads",
                "--print-ops");
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("scenario thread_mixes cannot run"), r.err());
        assertTrue(r.err().contains("scenario too_many_reads cannot run"), r.err());
        assertFalse(r.err().contains("init_assigns"), r.err());
        assertTrue(r.err().contains("2 errors"), r.err());
    }

    /** Its own JVM, for an environment without the C compiler ($CC names none). */
    @Test
    void withoutACCompilerItSaysSoAndExits3() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "conform", "--model",
                DIR + "translate_ok.uffd").redirectErrorStream(true);
        pb.environment().put("CC", "/nonexistent/cc");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Main.BOUND, p.exitValue(), out);
        assertTrue(out.contains("conform cannot run here: no C compiler: /nonexistent/cc cannot be run (install gcc, or set CC)"),
                out);
        assertFalse(out.contains("\tat "), out);
    }

    @Test
    void aScenarioWithoutATwinInTheAgainstModelIsRefusedWhereItIsDeclared() {
        CliTest.Result r = CliTest.run("conform", "--model", DIR + "translate_ok.uffd", "--against", DIR + "translate_bad.uffd",
                "--print-ops");
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("translate_ok.uffd:23:1: error: scenario everything has no twin of that name in "), r.err());
    }

    @Test
    void aSettleTimeNotBelowTheTimeoutIsUsage() {
        CliTest.Result r = CliTest.run("conform", "--model", DIR + "translate_ok.uffd", "--timeout-ms", "200",
                "--settle-ms", "200");
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("bad --timeout-ms or --settle-ms"), r.err());
    }
}
