package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.lang.ast.ModelFile;

class ModelLoaderTest {
    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> names(Program p) {
        return p.files().stream().map(f -> f.source().displayName()).toList();
    }

    @Test
    void diamondAndCycleLoadEachFileOnceIncludesFirst() throws IOException {
        Path main = write("main.uffd", """
                include "kernel/mm.uffd";
                include "kernel/fs.uffd";
                scenario s { thread t = handle_userfault(); }
                """);
        // mm and common include each other; mm and fs both include common.
        write("kernel/mm.uffd", "include \"common.uffd\";\nvar mmap_sem: rwsem;\n");
        write("kernel/fs.uffd", "include \"./common.uffd\";\ninclude \"../main.uffd\";\nproc fs() { skip; }\n");
        write("kernel/common.uffd", "include \"mm.uffd\";\nconst NR_PAGES = 4;\n");

        Program p = ModelLoader.load(main, "models/main.uffd");

        assertEquals(List.of("models/kernel/common.uffd", "models/kernel/mm.uffd", "models/kernel/fs.uffd",
                "models/main.uffd"), names(p));
        assertSame(p.main(), p.files().get(3));
        ModelFile common = p.files().get(0);
        assertEquals(dir.resolve("kernel/common.uffd"), common.source().path());
    }

    @Test
    void displayNamesAreNormalised() {
        assertEquals("models/kernel/x.uffd", ModelLoader.displayJoin("models/main.uffd", "kernel/x.uffd"));
        assertEquals("models/x.uffd", ModelLoader.displayJoin("models/kernel/a.uffd", "../x.uffd"));
        assertEquals("x.uffd", ModelLoader.displayJoin("main.uffd", "./x.uffd"));
    }

    @Test
    void missingIncludeIsReportedAtThePathString() throws IOException {
        Path main = write("main.uffd", "include \"kernel/mm.uffd\";\n");
        write("kernel/mm.uffd", "var mmap_sem: rwsem;\ninclude \"pagemap.uffd\";\n");

        ModelError e = assertThrows(ModelError.class, () -> ModelLoader.load(main, "models/main.uffd"));
        assertEquals("""
                models/kernel/mm.uffd:2:9: error: cannot find include 'pagemap.uffd' (looked for models/kernel/pagemap.uffd)
                 2 | include "pagemap.uffd";
                   |         ^^^^^^^^^^^^^^
                1 error
                """, e.diagnostics().render());
    }

    @Test
    void errorsFromEveryFileAreCollected() throws IOException {
        Path main = write("main.uffd", "include \"a.uffd\";\nconst X = 1\n");
        write("a.uffd", "var mmap_sem: ;\n");

        ModelError e = assertThrows(ModelError.class, () -> ModelLoader.load(main, "main.uffd"));
        String out = e.diagnostics().render();
        assertTrue(out.contains("a.uffd:1:15: error: expected a type after ':', found ';'"), out);
        assertTrue(out.contains("main.uffd:2:12: error: expected ';' after constant, found end of file"), out);
        assertEquals(2, e.diagnostics().count());
    }

    @Test
    void unreadableMainFileIsAModelError() {
        ModelError e = assertThrows(ModelError.class,
                () -> ModelLoader.load(dir.resolve("absent.uffd"), "models/absent.uffd"));
        assertEquals("models/absent.uffd:1:1: error: cannot read model file: no such file\n1 error\n",
                e.diagnostics().render());
    }
}
