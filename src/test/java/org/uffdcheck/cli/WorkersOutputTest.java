package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Every shipped scenario that expects a violation prints, with two workers, the very counterexample
 * one worker prints, in the race diagram and in the list form, with and without --all.
 */
class WorkersOutputTest {

    @TestFactory
    Stream<DynamicTest> twoWorkersPrintWhatOnePrints() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("models"))) {
            files = walk.filter(p -> p.toString().endsWith(".uffd")).filter(ModelLoader::declaresScenario).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            CheckedModel model = ModelRunner.load(f);
            for (ScenarioInfo s : model.scenarios.values()) {
                if (s.expect().holds()) continue;
                tests.add(DynamicTest.dynamicTest(f + " / " + s.name(), () -> compare(f, s.name())));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void compare(Path f, String scenario) {
        for (String[] extra : new String[][] {{}, {"--list", "--all"}}) {
            String one = output(f, scenario, "1", extra);
            String two = output(f, scenario, "2", extra);
            assertTrue(one.contains("counterexample"), one);
            assertEquals(one, two, String.join(" ", extra));
        }
    }

    /** What check prints, without the statistics line, whose times differ from run to run. */
    private static String output(Path f, String scenario, String workers, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", f.toString(), "--scenario", scenario, "--workers", workers));
        args.addAll(List.of(extra));
        CliTest.Result r = CliTest.run(args.toArray(new String[0]));
        assertEquals(Main.VIOLATION, r.code(), r.all());
        return r.out().lines().filter(l -> !l.contains("states/s")).collect(Collectors.joining("\n"));
    }
}
