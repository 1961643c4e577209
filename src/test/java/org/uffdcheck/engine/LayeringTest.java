package org.uffdcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package picture the engine's contracts exist for, read from the sources. */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/org/uffdcheck");
    // Fully qualified uses count too, not only imports.
    private static final Pattern PROJECT_REF = Pattern.compile("org\\.uffdcheck\\.([a-z]+)");

    @Test
    void engineDependsOnNothingOfTheProject() throws IOException {
        assertEquals(Set.of(), packagesUsedBy("engine"));
    }

    @Test
    void searchKnowsModelsOnlyThroughTheEngine() throws IOException {
        Set<String> used = packagesUsedBy("explore");
        assertFalse(used.contains("compile"), "explore uses " + used);
        assertEquals(Set.of("engine", "state"), used);
    }

    @Test
    void diffComparesSystemsBelowTheCommandLine() throws IOException {
        Set<String> used = packagesUsedBy("diff");
        assertTrue(Set.of("engine", "explore", "state", "compile", "trace", "props", "lang").containsAll(used), "diff uses " + used);
        for (String pkg : List.of("engine", "explore", "state", "compile", "trace", "props", "lang")) {
            assertFalse(packagesUsedBy(pkg).contains("diff"), pkg + " uses diff");
        }
    }

    @Test
    void conformanceSitsOnTheCompiledModelAndItsTraces() throws IOException {
        // The command that runs the harness (cli) calls it; it never reads model files itself. The
        // translation to op scripts reads the checked model's syntax (lang) that cli loaded.
        assertEquals(Set.of("compile", "engine", "lang", "trace"), packagesUsedBy("conform"));
    }

    @Test
    void theScanSeesReferences() throws IOException {
        assertTrue(packagesUsedBy("cli").containsAll(List.of("engine", "explore", "compile")));
    }

    private static Set<String> packagesUsedBy(String pkg) throws IOException {
        Set<String> used = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES.resolve(pkg))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no sources under " + SOURCES.resolve(pkg));
        for (Path f : files) {
            Matcher m = PROJECT_REF.matcher(Files.readString(f));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) used.add(m.group(1));
            }
        }
        return used;
    }
}
