package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.EngineIdentity;
import org.uffdcheck.compile.Engine;
import org.uffdcheck.lang.ModelFiles;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * On every scenario shipped in models/, the generated steps give the interpreter's graph (same
 * successors in the same order, same vectors, fingerprints and faults) over the first STATES
 * states of a breadth-first search: enough to run every instruction of the small scenarios and
 * the early ones of the large, in about a second each.
 */
class ShippedModelsEngineTest {
    private static final int STATES = 3_000;

    @TestFactory
    Stream<DynamicTest> generatedStepsGiveTheInterpretersGraph() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files = ModelFiles.withScenarios(Path.of("models"));
        assertFalse(files.isEmpty());
        for (Path f : files) {
            CheckedModel model = ModelRunner.load(f);
            for (ScenarioInfo s : model.scenarios.values()) {
                tests.add(DynamicTest.dynamicTest(f + " / " + s.name(), () -> {
                    CompiledScenario interp = Compiler.compile(model, s).engine(Engine.INTERP);
                    CompiledScenario compiled = Compiler.compile(model, s).engine(Engine.COMPILED);
                    assertTrue(compiled.compiledSteps(), "no code was generated");
                    assertNull(EngineIdentity.firstDifference(interp, compiled, STATES));
                }));
            }
        }
        return tests.stream();
    }
}
