package org.uffdcheck.diff;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.lang.check.ScenarioInfo;

/** The shipped models, loaded once per file, and a comparison of two of their scenarios. */
final class Shipped {
    private static final Map<Path, CheckedModel> MODELS = new HashMap<>();

    private Shipped() {}

    static synchronized CheckedModel model(Path file) {
        return MODELS.computeIfAbsent(file, f -> Checker.check(ModelLoader.load(f, f.toString())));
    }

    static CompiledScenario scenario(String file, String name) {
        CheckedModel m = model(Path.of("models", file));
        ScenarioInfo s = m.scenarios.get(name);
        if (s == null) throw new IllegalArgumentException(file + " has no scenario " + name + ": " + m.scenarios.keySet());
        return Compiler.compile(m, s, Reductions.NONE);
    }

    static ScenarioDiff.Result diff(String oldFile, String oldScenario, String newFile, String newScenario) {
        return new ScenarioDiff(scenario(oldFile, oldScenario), scenario(newFile, newScenario), 0, 0).run();
    }
}
