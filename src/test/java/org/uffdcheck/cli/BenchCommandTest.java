package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.lang.ModelFiles;
import picocli.CommandLine;

class BenchCommandTest {

    /** Runs bench with args, expecting it to hold; returns what it printed. */
    private static String bench(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(Main.HOLDS, cl.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void smallestScenarioRunsAndPrintsARow() {
        String name = BenchSeries.all().get(0).name();
        String out = bench("bench", "--only", name, "--workers", "2");
        String row = out.lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow();
        assertTrue(row.endsWith("holds"), row);
        // Two workers: the shares of their time spent waiting, before the verdict.
        assertTrue(out.contains("level wait  turn wait  verdict"), out);
        assertTrue(row.matches(".*\\d+\\.\\d% +\\d+\\.\\d%  holds"), row);
    }

    @Test
    void oneWorkerHasNoWaitColumns() {
        String out = bench("bench", "--only", "f1-u1-m1-p1");
        assertFalse(out.contains("wait"), out);
        assertFalse(out.contains("%"), out);
    }

    @Test
    void seriesGrowsAndHasUniqueNames() {
        Set<String> names = new HashSet<>();
        int quick = 0;
        for (BenchSeries.Scenario s : BenchSeries.all()) {
            assertTrue(names.add(s.name()), s.name());
            if (s.quick()) quick++;
            // The 10^8-state run takes minutes: never part of --quick.
            assertFalse(s.large() && s.quick(), s.name());
        }
        assertTrue(quick > 0 && quick < names.size());
    }

    @Test
    void everyRowIsAModelFileWithOneScenarioAndOnlyFastRowsRunInTest() throws Exception {
        Set<Path> tested = new HashSet<>(ModelFiles.withScenarios(Path.of("models")));
        Set<Path> rows = new HashSet<>();
        for (BenchSeries.Scenario s : BenchSeries.all()) {
            Path file = s.modelFile(Path.of("models"));
            rows.add(file);
            assertEquals(List.of("bench"), List.copyOf(ModelRunner.load(file).scenarios.keySet()), s.name());
            assertEquals(s.name() + ".uffd", file.getFileName().toString());
            // test models/ runs the rows outside slow/ and no other: they take seconds in all.
            assertEquals(!s.file().startsWith(ModelFiles.SLOW + "/"), tested.contains(file), s.name());
        }
        for (Path f : tested) {
            if (f.startsWith(Path.of("models", "bench"))) assertTrue(rows.contains(f), f + " is in no bench row");
        }
    }

    @Test
    void kernelModelsNotFoundIsBadInputNotACrash(@TempDir Path dir) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        String kernel = BenchSeries.all().get(0).name();
        assertEquals(Main.BAD_INPUT, cl.execute("bench", "--only", kernel, "--models", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("does not load"), err.toString());
    }

    @Test
    void onlyTakesAListAndRunsEachNamedScenario() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        String a = "f1-u1-m1-p1";
        String b = "f2-u1-m1-p2";
        assertEquals(Main.HOLDS, cl.execute("bench", "--only", a + "," + b));
        List<String> rows = out.toString().lines().filter(l -> l.startsWith("f")).map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of(a, b), rows);
    }

    @Test
    void unknownNameInAListIsAUsageError() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(Main.BAD_INPUT, cl.execute("bench", "--only", "f1-u1-m1-p1,no-such-scenario"));
        assertTrue(out.toString().isEmpty(), "nothing runs: " + out);
    }

    @Test
    void unknownScenarioIsAUsageError() {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(Main.BAD_INPUT, cl.execute("bench", "--only", "no-such-scenario"));
    }
}
