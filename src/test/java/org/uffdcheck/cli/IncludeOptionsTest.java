package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeOptionsTest {
    @TempDir
    Path dir;

    private static IncludeOptions with(Path... dirs) {
        IncludeOptions o = new IncludeOptions();
        o.dirs.addAll(List.of(dirs));
        return o;
    }

    @Test
    void includePathMustNameDirectories() throws IOException {
        Path file = Files.writeString(dir.resolve("f.uffd"), "");
        assertNull(with(dir).problem());
        assertEquals("--include-path " + dir.resolve("none") + ": no such directory", with(dir, dir.resolve("none")).problem());
        assertEquals("--include-path " + file + ": not a directory", with(file).problem());
    }

    @Test
    void modelNamedByATraceMustBeUnderTheCurrentDirectoryOrTheIncludePath() throws IOException {
        Path outside = Files.writeString(dir.resolve("m.uffd"), "");
        assertNull(with().namedModelProblem("models/toys/peterson.uffd"));
        assertTrue(with().namedModelProblem(outside.toString()).startsWith("the model it names, " + outside
                + ", is outside the current directory and the include path"));
        assertNull(with(dir).namedModelProblem(outside.toString()));
        assertNull(with().namedModelProblem("no/such/model.uffd"), "left to the loader, which says it is missing");
        assertEquals("the model it names is not a file name", with().namedModelProblem("a\0b"));
    }

    @Test
    void linkUnderTheCurrentDirectoryIsJudgedByWhereItLeads() throws IOException {
        Path target = Files.writeString(dir.resolve("m.uffd"), "");
        Path link = Path.of("target", "include-options-link-" + ProcessHandle.current().pid() + ".uffd");
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
        try {
            assertTrue(with().namedModelProblem(link.toString()).contains("is outside the current directory"));
        } finally {
            Files.delete(link);
        }
    }
}
