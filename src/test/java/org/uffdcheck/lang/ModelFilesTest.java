package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    private static final String SCENARIO = "proc p() { }\nscenario s { thread t = p(); expect holds; }\n";

    @Test
    void walksPastSlowDirectoriesAndLibraries(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a.uffd"), SCENARIO);
        Path b = write(dir.resolve("sub/b.uffd"), SCENARIO);
        write(dir.resolve("sub/slow/c.uffd"), SCENARIO);
        write(dir.resolve("slow/d.uffd"), SCENARIO);
        write(dir.resolve("lib.uffd"), "proc q() { }\n");
        write(dir.resolve("notes.txt"), SCENARIO);
        assertEquals(List.of(a, b), ModelFiles.withScenarios(dir));
    }

    @Test
    void aSlowDirectoryOrFileNamedDirectlyRuns(@TempDir Path dir) throws Exception {
        Path c = write(dir.resolve("slow/c.uffd"), SCENARIO);
        assertEquals(List.of(c), ModelFiles.withScenarios(dir.resolve("slow")));
        assertEquals(List.of(c), ModelFiles.withScenarios(c));
    }

    private static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }
}
