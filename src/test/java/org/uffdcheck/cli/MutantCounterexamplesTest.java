package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.trace.Counterexample;
import org.uffdcheck.trace.HtmlReport;
import org.uffdcheck.trace.JsonTrace;
import org.uffdcheck.trace.RaceDiagram;
import org.uffdcheck.trace.RecordedTrace;
import org.uffdcheck.trace.TraceReplay;

/**
 * Every mutant's counterexample renders as a race diagram, JSON and HTML, replays to the violation
 * against its own model, and diverges against the fixed model: the scenario named "fixed" in the
 * same file, or the scenario of the same name in mutants/fixed/.
 */
class MutantCounterexamplesTest {
    private static final Path MUTANTS = Path.of("models/mutants");

    @TestFactory
    Stream<DynamicTest> everyMutantTraceRendersAndReplays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(MUTANTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".uffd")).sorted().toList()) {
                CheckedModel m = ModelRunner.load(f);
                for (ScenarioInfo s : m.scenarios.values()) {
                    if (!s.expect().holds()) tests.add(DynamicTest.dynamicTest(f + " / " + s.name(), () -> check(m, s)));
                }
            }
        }
        assertTrue(tests.size() >= 4, "the four mutants of the seed patches");
        return tests.stream();
    }

    private static void check(CheckedModel m, ScenarioInfo s) throws IOException {
        CompiledScenario cs = Compiler.compile(m, s);
        ExploreResult r = ModelRunner.prepare(m, s, ExploreOptions.defaults(), null).go();
        assertEquals(s.expect().property(), r.property());
        assertNotNull(r.trace());
        Counterexample cx = Counterexample.of(cs, r.property(), r.trace());

        String diagram = RaceDiagram.render(cx, false);
        assertTrue(diagram.contains(r.property()), diagram);
        String json = JsonTrace.write(List.of(cx));
        RecordedTrace rec = RecordedTrace.parse(json).get(0);
        assertEquals(r.trace().length(), rec.steps().size());
        String html = HtmlReport.render(List.of(cx));
        assertTrue(html.contains("<svg") && html.contains(r.property()), "an SVG chart naming the property");

        TraceReplay.Outcome own = new TraceReplay(Compiler.compile(m, s)).replay(rec);
        assertTrue(own.reproduced(), own.verdict());

        CompiledScenario fixed = fixedCounterpart(m, s);
        TraceReplay.Outcome other = new TraceReplay(fixed).replay(rec);
        assertFalse(other.reproduced(), "the fixed model must not reach the violation: " + other.verdict());
        assertTrue(other.divergedAt() > 0, "diverges at a step: " + other.verdict());
    }

    private static CompiledScenario fixedCounterpart(CheckedModel m, ScenarioInfo s) throws IOException {
        ScenarioInfo same = m.scenarios.get("fixed");
        if (same != null) return Compiler.compile(m, same);
        try (Stream<Path> files = Files.list(MUTANTS.resolve("fixed"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".uffd")).sorted().toList()) {
                CheckedModel fm = ModelRunner.load(f);
                ScenarioInfo fs = fm.scenarios.get(s.name());
                if (fs != null) return Compiler.compile(fm, fs);
            }
        }
        throw new AssertionError("no fixed counterpart for " + s.name());
    }
}
