package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-model corpus: models others might feed the checker (huge sizes, deep nesting,
 * includes of files that are not models, memory-hungry state spaces, odd option combinations).
 * Each case runs as its own JVM, as a user runs the launcher, so that running out of heap or stack
 * and hanging are seen as they would be, and one case cannot take the test JVM down with it.
 *
 * <p>A case is {@code src/test/resources/hostile/NAME.case}, lines of {@code key: value}:
 * <pre>
 *   args: check huge_array.uffd --max-states 1000   (required; split on spaces, run in a copy of the corpus)
 *   exit: 2                                         (required)
 *   expect: located error text                      (repeatable; each must appear in stdout+stderr)
 *   absent: text                                    (repeatable; none may appear)
 *   jvm: -Xss256k -Xmx200m                          (optional; replaces the launcher's JVM options)
 *   setup: fifo NAME | dir NAME                     (optional, repeatable; made in the copy before the run)
 *   setup: symlink NAME TARGET | sparse NAME BYTES  (a link to TARGET; a file of BYTES bytes that takes no space)
 *   timeout: 60                                     (optional, seconds; a run past it is a hang)
 * </pre>
 * Lines starting with {@code #} are comments. Every case also checks that no stack trace and no
 * internal error reaches the user.
 */
class HostileModelsTest {
    static final Path CORPUS = Paths.get("src/test/resources/hostile");
    /** The launcher's default JVM options (see the {@code uffdcheck} script). */
    static final List<String> LAUNCHER_JVM = List.of("-Xss16m", "-XX:+UseParallelGC");
    static final List<String> NEVER = List.of("Exception", "\tat ", "internal error", "Error:",
            "OutOfMemoryError", "StackOverflowError");

    record Case(String name, List<String> args, int exit, List<String> expect, List<String> absent,
                List<String> jvm, List<String> setup, int timeout) {
        static Case parse(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> args = null, expect = new ArrayList<>(), absent = new ArrayList<>(), setup = new ArrayList<>();
            List<String> jvm = LAUNCHER_JVM;
            Integer exit = null;
            int timeout = 60;
            for (String raw : lines) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int colon = line.indexOf(':');
                if (colon < 0) throw new IllegalArgumentException(file + ": not 'key: value': " + line);
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "args" -> args = List.of(value.split("\\s+"));
                    case "exit" -> exit = Integer.parseInt(value);
                    case "expect" -> expect.add(value);
                    case "absent" -> absent.add(value);
                    case "jvm" -> jvm = value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
                    case "setup" -> setup.add(value);
                    case "timeout" -> timeout = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException(file + ": unknown key " + key);
                }
            }
            if (args == null || exit == null) throw new IllegalArgumentException(file + ": needs args and exit");
            String name = file.getFileName().toString().replaceFirst("\\.case$", "");
            return new Case(name, args, exit, expect, absent, jvm, setup, timeout);
        }
    }

    record Outcome(int code, String output) { }

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseEndsAsItDeclares() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CORPUS)) {
            cases = s.filter(p -> p.toString().endsWith(".case")).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no cases under " + CORPUS);
        return cases.stream().map(Case::parse).map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws Exception {
        Path dir = work.resolve(c.name());
        copyTree(CORPUS, dir);
        for (String s : c.setup()) setUp(dir, s);
        Outcome o = run(dir, c);
        String all = o.output();
        assertEquals(c.exit(), o.code(), c.name() + ": exit code; output:\n" + all);
        for (String e : c.expect()) assertTrue(all.contains(e), c.name() + ": expected '" + e + "' in:\n" + all);
        for (String a : c.absent()) assertFalse(all.contains(a), c.name() + ": did not expect '" + a + "' in:\n" + all);
        for (String a : NEVER) assertFalse(all.contains(a), c.name() + ": '" + a + "' reached the user:\n" + all);
    }

    static Outcome run(Path dir, Case c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(c.jvm());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(c.args());
        Path log = Files.createTempFile(dir, "output", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(c.timeout(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            fail(c.name() + ": still running after " + c.timeout() + " s (a hang); output so far:\n"
                    + Files.readString(log, StandardCharsets.ISO_8859_1));
        }
        return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    private static void setUp(Path dir, String directive) throws IOException, InterruptedException {
        String[] w = directive.split("\\s+");
        Path target = dir.resolve(w[1]);
        switch (w[0]) {
            case "fifo" -> {
                Process p = new ProcessBuilder("mkfifo", target.toString()).inheritIO().start();
                assertEquals(0, p.waitFor(), "mkfifo " + target);
            }
            case "dir" -> Files.createDirectories(target);
            // Made here rather than kept in git: a link out of the tree, a file too big to commit.
            case "symlink" -> Files.createSymbolicLink(target, Paths.get(w[2]));
            case "sparse" -> {
                try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(target.toFile(), "rw")) {
                    f.setLength(Long.parseLong(w[2]));
                }
            }
            default -> throw new IllegalArgumentException("unknown setup " + directive);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
