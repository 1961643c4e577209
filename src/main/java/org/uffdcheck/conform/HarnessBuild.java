package org.uffdcheck.conform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles the harness, which ships as C source in the jar, with the system's C compiler ($CC, or
 * cc) into a directory of its own beside the jar (target/ when run from the build). The binary's
 * name carries a hash of the sources, so a changed harness is rebuilt and an unchanged one reused.
 */
public final class HarnessBuild {
    static final String[] SOURCES = {"harness.h", "harness.c", "setup.c", "ops.c", "script.c"};
    private static final String RESOURCE_DIR = "/org/uffdcheck/conform/harness/";

    private HarnessBuild() {}

    /** The compiled harness, or Unavailable saying why it cannot be had here. */
    public static Path build() throws Unavailable {
        List<byte[]> sources = new ArrayList<>();
        for (String name : SOURCES) sources.add(resource(name));
        String cc = System.getenv().getOrDefault("CC", "cc");
        String hash = hash(sources, cc);
        Path dir = cacheDir();
        Path binary = dir.resolve("conform_harness-" + hash);
        if (Files.isExecutable(binary)) return binary;
        try {
            Path src = Files.createTempDirectory(dir, "src-");
            for (int i = 0; i < SOURCES.length; i++) Files.write(src.resolve(SOURCES[i]), sources.get(i));
            Path tmp = src.resolve("conform_harness");
            List<String> cmd = new ArrayList<>(List.of(cc, "-O1", "-std=gnu11", "-pthread", "-o", tmp.toString()));
            for (String s : SOURCES) if (s.endsWith(".c")) cmd.add(src.resolve(s).toString());
            compile(cmd, cc);
            // Several runs may build at once; the rename makes one of the equal binaries win whole.
            Files.move(tmp, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(src);
            return binary;
        } catch (IOException e) {
            throw new Unavailable("cannot build the harness in " + dir + ": " + e.getMessage());
        }
    }

    private static void compile(List<String> cmd, String cc) throws Unavailable, IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Unavailable("no C compiler: " + cc + " cannot be run (install gcc, or set CC)");
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Unavailable("the C compiler " + cc + " did not finish compiling the harness in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new Unavailable("the C compiler " + cc + " failed on the harness:\n"
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while compiling the harness");
        }
    }

    private static byte[] resource(String name) throws Unavailable {
        try (InputStream in = HarnessBuild.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new Unavailable("the harness source " + name + " is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Unavailable("cannot read the harness source " + name + ": " + e.getMessage());
        }
    }

    private static String hash(List<byte[]> sources, String cc) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] s : sources) md.update(s);
            md.update(cc.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Beside the jar or the classes directory (target/ in a build), else the temporary directory. */
    private static Path cacheDir() throws Unavailable {
        Path base = null;
        try {
            Path code = Path.of(HarnessBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            base = code.getParent();
        } catch (Exception e) {
            // no code source (an unusual class loader): fall back below
        }
        for (Path b : base == null ? List.of(Path.of(System.getProperty("java.io.tmpdir")))
                : List.of(base, Path.of(System.getProperty("java.io.tmpdir")))) {
            Path dir = b.resolve("conform-harness");
            try {
                Files.createDirectories(dir);
                if (Files.isWritable(dir)) return dir;
            } catch (IOException e) {
                // try the next place
            }
        }
        throw new Unavailable("no writable directory to build the harness in (beside the jar, or the temporary one)");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Why conformance cannot be checked on this machine: exit 3, the reason said. */
    public static final class Unavailable extends Exception {
        public Unavailable(String reason) {
            super(reason);
        }
    }
}
