package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.explore.PathRebuilder;
import org.uffdcheck.lang.ModelFiles;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.props.ScenarioChecks;

/**
 * Every scenario of every model shipped in models/ must give the verdict its expect line declares,
 * and the states, transitions and depth that models/expected-counts.tsv records for it.
 */
class ShippedModelsTest {
    private static final Path MODELS = Path.of("models");
    private static final Map<String, ExpectedCounts.Row> EXPECTED = ExpectedCounts.load();
    private static final Map<String, ExpectedCounts.Row> SEEN = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesItsExpectedVerdict() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files;
        files = ModelFiles.withScenarios(MODELS);
        assertFalse(files.isEmpty(), "no models found under " + MODELS.toAbsolutePath());
        for (Path f : files) {
            CheckedModel model = ModelRunner.load(f);
            for (ScenarioInfo s : model.scenarios.values()) {
                tests.add(DynamicTest.dynamicTest(f + " / " + s.name(), () -> check(f, model, s)));
            }
        }
        tests.add(DynamicTest.dynamicTest(ExpectedCounts.FILE + " lists exactly the shipped scenarios", ShippedModelsTest::countsFileComplete));
        return tests.stream();
    }

    private static void check(Path file, CheckedModel model, ScenarioInfo s) {
        List<ExpectedCounts.Row> counts = new ArrayList<>();
        ModelRunner.Run run = ModelRunner.prepare(model, s, ExploreOptions.defaults(), null);
        ExploreResult r = run.go();
        counts.add(record(file, s, "default", r));
        assertTrue(ModelRunner.matches(s.expect(), r),
                "expected " + s.expect().show() + ", got " + ModelRunner.verdict(r));
        if (r.trace() != null && r.trace().lasso()) replaysToLasso(run.scenario(), r);
        else if (r.trace() != null) replaysToViolation(run.scenario(), r);
        // Liveness refuses both reductions (see docs/language.md), so such a scenario has one row.
        if (!checksLiveness(model, s)) reduced(file, model, s, r, run, counts);

        String diff = ExpectedCounts.diff(EXPECTED, counts);
        if (!ExpectedCounts.updating() && !diff.isEmpty()) {
            fail("counts differ from " + ExpectedCounts.FILE + " (model, scenario, options, verdict, states, "
                    + "transitions, depth):\n" + diff + "If the change is meant, regenerate the file with "
                    + ExpectedCounts.REGENERATE + " and commit its diff with the change.");
        }
    }

    private static boolean checksLiveness(CheckedModel model, ScenarioInfo s) {
        for (String name : s.checks()) {
            var p = model.properties.get(name);
            if (p != null && p.kind().liveness()) return true;
        }
        return false;
    }

    private static void reduced(Path file, CheckedModel model, ScenarioInfo s, ExploreResult r, ModelRunner.Run run,
                                List<ExpectedCounts.Row> counts) {
        // The same verdict with local steps merged, in no more states.
        ModelRunner.Run merged = ModelRunner.prepare(model, s, ExploreOptions.defaults(), null, Reductions.MERGE_LOCAL);
        ExploreResult m = merged.go();
        counts.add(record(file, s, "merge-local", m));
        assertEquals(ModelRunner.verdict(r), ModelRunner.verdict(m), "verdict with local steps merged");
        assertTrue(m.stats().states() <= r.stats().states(), m.stats().states() + " > " + r.stats().states());
        if (m.trace() != null) replaysToViolation(merged.scenario(), m);

        // The same verdict with symmetry, in no more states, with a counterexample as short, and
        // one that is a run of the model itself: its labels replay without the reduction.
        ModelRunner.Run sym = ModelRunner.prepare(model, s, ExploreOptions.defaults(), null, Reductions.SYMMETRY);
        ExploreResult y = sym.go();
        counts.add(record(file, s, "symmetry", y));
        assertEquals(ModelRunner.verdict(r), ModelRunner.verdict(y), "verdict with symmetry");
        assertTrue(y.stats().states() <= r.stats().states(), y.stats().states() + " > " + r.stats().states());
        if (y.trace() != null) {
            assertEquals(r.trace().length(), y.trace().length(), "trace length with symmetry");
            replaysToViolation(run.scenario(), y);
        }
    }

    /**
     * A lasso's labels replay from the initial state to the same states; its cycle closes on the
     * state it starts from; and the property's goal is false all along the cycle.
     */
    private static void replaysToLasso(CompiledScenario cs, ExploreResult r) {
        Execution t = r.trace();
        Execution again = PathRebuilder.fromLabels(cs, t.labels());
        for (int i = 0; i < again.states().size(); i++) {
            assertTrue(java.util.Arrays.equals(t.states().get(i), again.states().get(i)), "state " + i);
        }
        assertTrue(java.util.Arrays.equals(t.states().get(t.loop()), t.last()), "the cycle closes");
        StateChecks checks = new ScenarioChecks(cs);
        int p = 0;
        while (!checks.liveness(p).equals(r.violations().get(0).id())) p++;
        for (int i = t.loop(); i < t.states().size(); i++) assertFalse(checks.liveGoal(p, t.states().get(i)), "goal at " + i);
    }

    private static ExpectedCounts.Row record(Path file, ScenarioInfo s, String options, ExploreResult r) {
        ExpectedCounts.Row row = ExpectedCounts.Row.of(file, s.name(), options, r);
        SEEN.put(row.key(), row);
        return row;
    }

    /** Runs after every scenario: rewrites the file when asked, else finds rows of scenarios that are gone. */
    private static void countsFileComplete() {
        if (ExpectedCounts.updating()) {
            ExpectedCounts.write(SEEN.values());
            return;
        }
        List<String> stale = new ArrayList<>();
        for (String key : EXPECTED.keySet()) if (!SEEN.containsKey(key)) stale.add(key);
        assertTrue(stale.isEmpty(), "rows of " + ExpectedCounts.FILE + " with no shipped scenario (regenerate with "
                + ExpectedCounts.REGENERATE + "):\n" + String.join("\n", stale));
    }

    /** The counterexample's labels, replayed from the initial state, reach a state that violates the property. */
    private static void replaysToViolation(CompiledScenario cs, ExploreResult r) {
        Execution again = PathRebuilder.fromLabels(cs, r.trace().labels());
        assertEquals(r.trace().length(), again.length());
        int[] last = again.last();
        for (int i = 0; i < again.states().size(); i++) {
            assertTrue(java.util.Arrays.equals(r.trace().states().get(i), again.states().get(i)), "state " + i);
        }
        StateChecks checks = new ScenarioChecks(cs);
        if (r.property().equals(ExploreResult.DEADLOCK)) {
            assertEquals(0, cs.newStepper().successors(last, (n, l) -> { }), "a deadlock state has no successor");
            assertFalse(cs.isValidEnd(last));
        } else {
            int v = checks.violation(last);
            assertNotEquals(StateChecks.OK, v);
            assertEquals(r.violations().get(0).id(), checks.property(v));
        }
    }
}
