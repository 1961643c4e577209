package org.uffdcheck.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.lang.ModelFiles;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Every shipped scenario has the same observable behaviour as itself, and its observed graph has
 * the states a check of a scenario that holds explores. One graph serves as both sides: the build
 * is what costs, and the comparison is what is tested. Scenarios whose check meets more than
 * LARGE states take most of the time and add little, so they run only with
 * -Duffdcheck.allSelfDiffs=true.
 */
class SelfDiffTest {
    private static final Path MODELS = Path.of("models");
    private static final long LARGE = 150_000;

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioIsTheSameAsItself() throws IOException {
        Map<String, Long> holdsStates = states(true);
        Map<String, Long> anyStates = states(false);
        boolean all = Boolean.getBoolean("uffdcheck.allSelfDiffs");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : ModelFiles.withScenarios(MODELS)) {
            CheckedModel m = Shipped.model(f);
            String key = MODELS.relativize(f).toString().replace('\\', '/');
            for (ScenarioInfo s : m.scenarios.values()) {
                String k = key + "\t" + s.name();
                if (!all && anyStates.getOrDefault(k, 0L) > LARGE) continue;
                tests.add(DynamicTest.dynamicTest(f + " / " + s.name(), () -> same(m, s, holdsStates.get(k))));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void same(CheckedModel m, ScenarioInfo s, Long expectedStates) {
        CompiledScenario cs = Compiler.compile(m, s, Reductions.NONE);
        ObservedGraph g = new ObservedGraph(cs, new Alphabet(), 0, 0);
        Lts lts = g.build();
        assertNotNull(lts, "stopped: " + g.stop());
        if (expectedStates != null) assertEquals(expectedStates.longValue(), lts.states());
        Lts q = Compressed.of(lts).quotient;
        assertEquals(Outcome.Status.SAME, Comparison.compare(q, q, 0, 0).status());
    }

    /**
     * model TAB scenario to the states of its default check; holds: only the scenarios that hold,
     * whose check explores every state.
     */
    private static Map<String, Long> states(boolean holds) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(MODELS.resolve("expected-counts.tsv"))) {
            String[] f = line.split("\t");
            if (f.length < 7 || !f[2].equals("default") || (holds && !f[3].equals("holds"))) continue;
            out.put(f[0] + "\t" + f[1], Long.parseLong(f[4]));
        }
        return out;
    }
}
