package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    private static final String SECRET = "root:$6$secret-hash:19000:0:99999:7:::";

    /** A file outside {@code dir} whose text must never reach a message. */
    private Path secretOutside(Path outside) throws IOException {
        Path p = outside.resolve("shadow");
        Files.writeString(p, SECRET + "\n" + SECRET + "\n");
        return p;
    }

    private String refusal(Path main, String name, List<Path> includePath) {
        ModelError e = assertThrows(ModelError.class, () -> ModelLoader.load(main, name, includePath));
        String out = e.diagnostics().render();
        assertFalse(out.contains("secret"), out);
        return out;
    }

    /** The refusal of a main.uffd whose first line includes {@code rel}. */
    private String refusedInclude(String rel) throws IOException {
        return refusal(write("main.uffd", "include \"" + rel + "\";\n"), "main.uffd", List.of());
    }

    private static void sparse(Path p, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private void mkfifo(Path p) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        Assumptions.assumeTrue(proc.waitFor() == 0, "mkfifo is not available");
    }

    @Test
    void includeOutsideTheModelsDirectoryIsRefusedWithoutReadingIt(@TempDir Path outside) throws IOException {
        Path secret = secretOutside(outside);
        Path main = write("main.uffd", "include \"" + secret + "\";\n");
        String out = refusal(main, "main.uffd", List.of());
        assertTrue(out.startsWith("main.uffd:1:9: error: cannot include '" + secret + "': it resolves to "
                + secret.toRealPath() + ", outside the include root " + dir.toRealPath()
                + "; give --include-path DIR to allow a directory, or mark a common parent with a file named uffdcheck.root\n"),
                out);
        assertTrue(out.endsWith("1 error\n"), out);
    }

    @Test
    void dotDotOutOfTheModelsDirectoryIsRefused() throws IOException {
        write("lib.uffd", "const A = 1;\n");
        Path main = write("scenarios/main.uffd", "include \"../lib.uffd\";\n");
        String out = refusal(main, "scenarios/main.uffd", List.of());
        assertTrue(out.contains("scenarios/main.uffd:1:9: error: cannot include '../lib.uffd' (lib.uffd): it resolves to "
                + dir.toRealPath().resolve("lib.uffd") + ", outside the include root "
                + dir.toRealPath().resolve("scenarios")), out);
    }

    @Test
    void markerFileMakesItsDirectoryTheRootOfTheModelsBelow() throws IOException {
        write(ModelLoader.ROOT_MARKER, "");
        write("lib/lib.uffd", "const A = 1;\n");
        Path main = write("scenarios/deep/main.uffd", "include \"../../lib/lib.uffd\";\n");
        assertEquals(2, ModelLoader.load(main, "main.uffd").files().size());
    }

    @Test
    void nearestMarkerWins(@TempDir Path top) throws IOException {
        Files.writeString(top.resolve(ModelLoader.ROOT_MARKER), "");
        Files.writeString(top.resolve("lib.uffd"), "const A = 1;\n");
        Path inner = top.resolve("project");
        Files.createDirectories(inner.resolve("scenarios"));
        Files.writeString(inner.resolve(ModelLoader.ROOT_MARKER), "");
        Path main = inner.resolve("scenarios/main.uffd");
        Files.writeString(main, "include \"../../lib.uffd\";\n");
        String out = refusal(main, "main.uffd", List.of());
        assertTrue(out.contains("outside the include root " + inner.toRealPath() + ";"), out);
    }

    @Test
    void includePathAllowsAnotherDirectory(@TempDir Path shared) throws IOException {
        Files.writeString(shared.resolve("lib.uffd"), "include \"more.uffd\";\nconst A = 1;\n");
        Files.writeString(shared.resolve("more.uffd"), "const B = 2;\n");
        Path main = write("main.uffd", "include \"" + shared.resolve("lib.uffd") + "\";\n");
        assertEquals(3, ModelLoader.load(main, "main.uffd", List.of(shared)).files().size());
        String out = refusal(main, "main.uffd", List.of());
        assertTrue(out.contains("outside the include root"), out);
    }

    @Test
    void symlinkPointingOutsideIsRefusedAndOneInsideIsFollowed(@TempDir Path outside) throws IOException {
        Path secret = secretOutside(outside);
        Files.createSymbolicLink(dir.resolve("shadow.uffd"), secret);
        Path main = write("main.uffd", "include \"shadow.uffd\";\n");
        String out = refusal(main, "main.uffd", List.of());
        assertTrue(out.contains("cannot include 'shadow.uffd': it resolves to " + secret.toRealPath() + ", outside"), out);

        write("real/lib.uffd", "const A = 1;\n");
        Files.createSymbolicLink(dir.resolve("lib.uffd"), dir.resolve("real/lib.uffd"));
        Path ok = write("ok.uffd", "include \"lib.uffd\";\n");
        assertEquals(2, ModelLoader.load(ok, "ok.uffd").files().size());
    }

    @Test
    void symlinkedDirectoryLeadingOutsideIsRefused(@TempDir Path outside) throws IOException {
        secretOutside(outside);
        Files.createSymbolicLink(dir.resolve("etc"), outside);
        assertTrue(refusedInclude("etc/shadow").contains("outside the include root"));
    }

    @Test
    @Timeout(30)
    void includedFifoIsRefusedWithoutOpeningIt() throws Exception {
        mkfifo(dir.resolve("pipe.uffd"));
        String out = refusedInclude("pipe.uffd");
        assertTrue(out.startsWith("main.uffd:1:9: error: cannot include 'pipe.uffd': it is a FIFO, not a regular file\n"), out);
    }

    @Test
    void includedDeviceIsRefusedEvenOnTheIncludePath() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path main = write("main.uffd", "include \"/dev/zero\";\n");
        String out = refusal(main, "main.uffd", List.of(Path.of("/dev")));
        assertTrue(out.contains("cannot include '/dev/zero': it is a character device, not a regular file"), out);
        assertTrue(refusal(main, "main.uffd", List.of()).contains("outside the include root"));
    }

    @Test
    void includedDirectoryIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        assertTrue(refusedInclude("lib").contains("cannot include 'lib': it is a directory, not a regular file"));
    }

    @Test
    void includedHugeFileIsRefusedBySize() throws IOException {
        sparse(dir.resolve("huge.uffd"), 1L << 32);
        String out = refusedInclude("huge.uffd");
        assertTrue(out.contains("cannot include 'huge.uffd': it is too large for a model file: 4,294,967,296 bytes, "
                + "the limit is 1,048,576 bytes (1 MiB)"), out);
    }

    @Test
    void includedBinaryFileIsLocatedAndNotQuoted() throws IOException {
        Files.createDirectories(dir.resolve("kernel"));
        Files.write(dir.resolve("kernel/bin.uffd"), new byte[] {'s', 'e', 'c', 'r', 'e', 't', '\n', 'x', 0, 1, 2});
        Path main = write("main.uffd", "const A = 1;\n   include \"kernel/bin.uffd\";\n");
        String out = refusal(main, "models/main.uffd", List.of());
        assertEquals("""
                models/main.uffd:2:12: error: cannot include 'kernel/bin.uffd' (models/kernel/bin.uffd): it is not a text \
                file: a NUL byte at models/kernel/bin.uffd:2:2
                 2 |    include "kernel/bin.uffd";
                   |            ^^^^^^^^^^^^^^^^^
                1 error
                """, out);
    }

    @Test
    void includedNonUtf8FileGivesTheLineAndColumnOfTheBadByte() throws IOException {
        // Line 2 is "// café secret" then a Latin-1 byte: 14 characters (16 bytes) before it.
        byte[] head = "const A = 1;\n// caf\u00e9 secret".getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + 2);
        all[head.length] = (byte) 0xff;
        all[head.length + 1] = '\n';
        Files.write(dir.resolve("latin1.uffd"), all);
        String out = refusedInclude("latin1.uffd");
        assertTrue(out.startsWith("main.uffd:1:9: error: cannot include 'latin1.uffd': it is not UTF-8 text: byte 0xff "
                + "at latin1.uffd:2:15\n"), out);
    }

    @Test
    void nonUtf8ModelIsLocatedAtTheBadByteAndNotQuoted() throws IOException {
        Path main = dir.resolve("main.uffd");
        Files.write(main, new byte[] {'a', '\n', 'b', 'c', (byte) 0xc0, '\n'});
        String out = refusal(main, "main.uffd", List.of());
        assertEquals("main.uffd:2:3: error: cannot read model file: it is not UTF-8 text: byte 0xc0\n1 error\n", out);
    }

    @Test
    void binaryModelIsNotATextFile() throws IOException {
        Path main = dir.resolve("main.uffd");
        Files.write(main, new byte[] {0x7f, 'E', 'L', 'F', 0, 0});
        assertEquals("main.uffd:1:5: error: cannot read model file: it is not a text file: a NUL byte\n1 error\n",
                refusal(main, "main.uffd", List.of()));
    }

    @Test
    @Timeout(30)
    void modelThatIsAFifoOrADirectoryIsRefusedWithoutOpeningIt() throws Exception {
        Path pipe = dir.resolve("pipe.uffd");
        mkfifo(pipe);
        assertEquals("pipe.uffd:1:1: error: cannot read model file: it is a FIFO, not a regular file\n1 error\n",
                refusal(pipe, "pipe.uffd", List.of()));
        assertTrue(ModelLoader.declaresScenario(pipe), "a FIFO counts as a model, so that it is reported");
        assertEquals("d:1:1: error: cannot read model file: it is a directory, not a regular file\n1 error\n",
                refusal(dir, "d", List.of()));
    }

    @Test
    void hugeModelIsRefusedBySize() throws IOException {
        Path main = dir.resolve("main.uffd");
        sparse(main, SourceReader.MAX_BYTES + 1L);
        assertTrue(refusal(main, "main.uffd", List.of()).startsWith("main.uffd:1:1: error: cannot read model file: it is "
                + "too large for a model file: 1,048,577 bytes"));
    }

    @Test
    void shippedScenarioReachesTheLibraryThroughTheModelsMarker() {
        Path scenario = Path.of("models/scenarios/v4.11_fork.uffd");
        assertTrue(Files.isRegularFile(Path.of("models", ModelLoader.ROOT_MARKER)));
        assertTrue(ModelLoader.load(scenario, scenario.toString()).files().size() > 5);
    }
}
