package org.uffdcheck.conform;

import java.nio.file.Path;
import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;

/** Shipped conformance scenarios, compiled as conform compiles them, and observations to match. */
final class Models {
    private Models() {}

    static CompiledScenario scenario(String file, String scenario) {
        Path p = Path.of("models", file);
        CheckedModel m = Checker.check(ModelLoader.load(p, p.toString()));
        return Compiler.compile(m, m.scenarios.get(scenario), Reductions.MERGE_LOCAL);
    }

    /** A model written in the test, compiled as conform compiles it. */
    static CompiledScenario inline(String model, String scenario) {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("uffd-conform");
            Path file = dir.resolve("m.uffd");
            java.nio.file.Files.writeString(file, model);
            try {
                CheckedModel m = Checker.check(ModelLoader.load(file, "m.uffd"));
                return Compiler.compile(m, m.scenarios.get(scenario), Reductions.NONE);
            } finally {
                java.nio.file.Files.delete(file);
                java.nio.file.Files.delete(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "mon: read(0, UFFD_EVENT_UNMAP, 1, 3, 0)" as an Observation. */
    static Observation obs(String text) {
        int colon = text.indexOf(": "), open = text.indexOf('('), close = text.lastIndexOf(')');
        String inside = text.substring(open + 1, close).strip();
        List<String> args = inside.isEmpty() ? List.of() : List.of(inside.split(",\\s*"));
        return new Observation(text.substring(0, colon), text.substring(colon + 2, open), args);
    }

    static Recording recording(String... lines) {
        return Recording.of("test", java.util.Arrays.stream(lines).map(Models::obs).toList());
    }
}
