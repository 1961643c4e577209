package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Promela twin of the bench protocol against uffdcheck. The count comparison needs spin and a
 * C compiler: skipped when spin is not installed and CI is not set; under CI a missing spin fails
 * (.ci/run installs it). The error paths run on stand-in scripts and need neither.
 */
class SpinTwinTest {
    @TempDir
    Path dir;

    private static void spinOrSkip() throws Exception {
        boolean installed = SpinTwin.find(System.getenv("PATH")) != null;
        String ci = System.getenv("CI");
        Assumptions.assumeTrue(installed || (ci != null && !ci.isEmpty()), "no spin and not under CI");
        assertTrue(installed, "CI is set but spin is not installed (.ci/run installs it)");
    }

    private record Run(int code, String out, String err) {}

    private static Run bench(String searchPath, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        if (searchPath != null) ((BenchCommand) cl.getSubcommands().get("bench").getCommand()).searchPath = searchPath;
        List<String> all = new ArrayList<>(List.of("bench", "--vs-spin"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void twinStoresAsManyStatesAsUffdcheckOnEveryQuickProtocolRow() throws Exception {
        spinOrSkip();
        Run r = bench(null, "--quick");
        assertEquals(Main.HOLDS, r.code, r.err);
        int rows = 0;
        for (BenchSeries.Scenario s : BenchSeries.all()) {
            if (!s.quick() || SpinTwin.defines(s.name()) == null) continue;
            String line = r.out.lines().filter(l -> l.startsWith(s.name() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError(s.name() + " missing from\n" + r.out));
            String[] f = line.trim().split("\\s+");
            assertEquals(f[1], f[2], "uffdcheck and SPIN counts: " + line);
            assertEquals("yes", f[3], line);
            rows++;
        }
        assertTrue(rows >= 3, r.out);
        assertFalse(r.out.contains("k4.11"), "kernel rows have no twin: " + r.out);
    }

    @Test
    void withoutSpinItSaysSoAndSkips() {
        Run r = bench(dir.toString(), "--only", "f1-u1-m1-p1");
        assertEquals(Main.HOLDS, r.code, r.err);
        assertTrue(r.out.contains("spin is not installed"), r.out);
        assertFalse(r.out.contains("f1-u1-m1-p1"), "nothing ran: " + r.out);
    }

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void spinWithoutACompilerIsACleanError() throws Exception {
        script("spin", "exit 0");
        Run r = bench(dir.toString(), "--only", "f1-u1-m1-p1");
        assertEquals(Main.BAD_INPUT, r.code, r.out);
        assertTrue(r.err.contains("no C compiler"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void failingSpinIsACleanErrorWithWhatItPrinted() throws Exception {
        script("spin", "echo 'spin: protocol.pml:1, Error: syntax error'; exit 1");
        script("cc", "exit 0");
        Run r = bench(dir.toString(), "--only", "f1-u1-m1-p1");
        assertEquals(Main.BAD_INPUT, r.code, r.out);
        assertTrue(r.err.contains("spin -a failed (exit 1)") && r.err.contains("syntax error"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void kernelRowHasNoTwinAndReductionsAreRefused() {
        Run kernel = bench(dir.toString(), "--only", "k4.11-p2-m1");
        assertEquals(Main.BAD_INPUT, kernel.code);
        assertTrue(kernel.err.contains("has no Promela twin"), kernel.err);
        Run bits = bench(dir.toString(), "--bitstate", "--only", "f1-u1-m1-p1");
        assertEquals(Main.BAD_INPUT, bits.code);
        assertTrue(bits.err.contains("drop --bitstate"), bits.err);
    }

    @Test
    void rowNamesGiveTheTwinsParameters() {
        assertEquals(List.of("-DFORKS=3", "-DMUNMAPS=2", "-DMONITORS=2", "-DPAGES=7"), SpinTwin.defines("f3-u2-m2-p7"));
        assertNull(SpinTwin.defines("k4.11-p2-m1"));
    }

    @Test
    void hashTableHasAboutTwoSlotsAState() {
        assertEquals(18, SpinTwin.hashBits(368));
        assertEquals(25, SpinTwin.hashBits(9_900_000));
        assertEquals(32, SpinTwin.hashBits(Long.MAX_VALUE));
    }

    @Test
    void panReportIsReadAndACutOrFailedSearchIsRefused() throws Exception {
        String ok = "State-vector 44 byte, depth reached 57, errors: 0\n      368 states, stored\n"
                + "pan: elapsed time 0.25 seconds\n";
        SpinTwin.Result r = SpinTwin.parse(ok);
        assertEquals(368, r.states());
        assertEquals(57, r.depth());
        assertEquals(1472, r.statesPerSecond(), 1e-9);
        SpinTwin.Failure cut = assertThrows(SpinTwin.Failure.class,
                () -> SpinTwin.parse("error: max search depth too small\n" + ok));
        assertTrue(cut.getMessage().contains("depth"), cut.getMessage());
        assertThrows(SpinTwin.Failure.class, () -> SpinTwin.parse(ok.replace("errors: 0", "errors: 1")));
        assertThrows(SpinTwin.Failure.class, () -> SpinTwin.parse("garbage"));
    }
}
