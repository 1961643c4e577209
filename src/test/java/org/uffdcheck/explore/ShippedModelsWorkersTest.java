package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.engine.Witness;
import org.uffdcheck.lang.ModelFiles;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.props.ScenarioChecks;

/**
 * On every shipped model, two and three workers give what one gives: the verdict, the counts, the
 * depth, and the same traces, step for step; --all gives the same list of violations. Scenarios
 * whose default check meets more than LARGE states take most of the time and are checked with two
 * workers and without --all only, unless -Duffdcheck.allWorkers=true.
 */
class ShippedModelsWorkersTest {
    private static final Path MODELS = Path.of("models");
    private static final long LARGE = 250_000;

    @TestFactory
    Stream<DynamicTest> workersAgreeOnEveryShippedScenario() throws IOException {
        List<Path> files;
        files = ModelFiles.withScenarios(MODELS);
        assertFalse(files.isEmpty());
        Map<String, Long> states = defaultStates();
        boolean every = Boolean.getBoolean("uffdcheck.allWorkers");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            CheckedModel model = Checker.check(ModelLoader.load(f, f.toString()));
            String key = MODELS.relativize(f).toString().replace('\\', '/');
            for (ScenarioInfo s : model.scenarios.values()) {
                Long n = states.get(key + "\t" + s.name());
                boolean large = !every && n != null && n > LARGE;
                tests.add(DynamicTest.dynamicTest(f + " / " + s.name(), () -> compare(Compiler.compile(model, s), large)));
            }
        }
        return tests.stream();
    }

    private static void compare(CompiledScenario cs, boolean large) {
        for (boolean all : large ? new boolean[] {false} : new boolean[] {false, true}) {
            ExploreResult one = run(cs, 1, all);
            for (int workers = 2; workers <= (large ? 2 : 3); workers++) {
                ExploreResult many = run(cs, workers, all);
                String what = workers + " workers" + (all ? ", --all" : "");
                assertEquals(one.status(), many.status(), what);
                assertEquals(one.property(), many.property(), what);
                assertEquals(one.stats().states(), many.stats().states(), what);
                assertEquals(one.stats().transitions(), many.stats().transitions(), what);
                assertEquals(one.stats().depth(), many.stats().depth(), what);
                assertEquals(one.violations().size(), many.violations().size(), what);
                for (int i = 0; i < one.violations().size(); i++) {
                    Violation a = one.violations().get(i);
                    Violation b = many.violations().get(i);
                    assertEquals(a.property(), b.property(), what);
                    if (a.trace() == null) continue;
                    assertArrayEquals(a.trace().labels(), b.trace().labels(), what);
                    Execution replayed = PathRebuilder.fromLabels(cs, b.trace().labels());
                    assertArrayEquals(b.trace().last(), replayed.last(), what);
                }
                for (int i = 0; i < one.witnesses().size(); i++) {
                    Witness a = one.witnesses().get(i);
                    Witness b = many.witnesses().get(i);
                    assertEquals(a.found(), b.found(), what);
                    if (a.found()) assertArrayEquals(a.trace().labels(), b.trace().labels(), what);
                }
            }
        }
    }

    /** model TAB scenario to the states of its default check, from models/expected-counts.tsv. */
    private static Map<String, Long> defaultStates() throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(MODELS.resolve("expected-counts.tsv"))) {
            String[] f = line.split("\t");
            if (f.length < 7 || !f[2].equals("default")) continue;
            out.put(f[0] + "\t" + f[1], Long.parseLong(f[4]));
        }
        return out;
    }

    private static ExploreResult run(CompiledScenario cs, int workers, boolean all) {
        ExploreOptions o = ExploreOptions.defaults().withWorkers(workers).withAll(all);
        return new Explorer(cs, new ScenarioChecks(cs), o).run();
    }
}
