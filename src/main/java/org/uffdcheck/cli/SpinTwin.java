package org.uffdcheck.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the Promela twin of the bench protocol (models/bench/protocol.pml) with SPIN for one row:
 * spin generates pan.c, the C compiler builds it, pan searches every state exactly, and what it
 * printed gives the states stored and the search time.
 */
final class SpinTwin {
    /** The protocol rows' names: forks, munmaps, monitors, pages. */
    private static final Pattern ROW = Pattern.compile("f(\\d+)-u(\\d+)-m(\\d+)-p(\\d+)");
    private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
    private static final Pattern ELAPSED = Pattern.compile("pan: elapsed time ([0-9.eE+-]+) seconds");
    private static final Pattern DEPTH = Pattern.compile("depth reached (\\d+), errors: (\\d+)");
    /** pan keeps a stack of this many steps; a deeper search says so, and that is an error here. */
    static final int MAX_DEPTH = 1_000_000;

    /** What one pan run found. */
    record Result(long states, int depth, double seconds) {
        double statesPerSecond() {
            return seconds > 0 ? states / seconds : 0;
        }
    }

    /** spin or cc missing, or one of the three programs failing: a clean message, no trace. */
    static final class Failure extends Exception {
        Failure(String message) { super(message); }
    }

    final Path spin;
    final Path cc;

    private SpinTwin(Path spin, Path cc) { this.spin = spin; this.cc = cc; }

    /** The twin, or null when spin is not on the search path. */
    static SpinTwin find(String searchPath) throws Failure {
        Path spin = onPath("spin", searchPath);
        if (spin == null) return null;
        Path cc = onPath("cc", searchPath);
        if (cc == null) cc = onPath("gcc", searchPath);
        if (cc == null) throw new Failure("spin is installed but no C compiler (cc) is on the PATH to build its pan");
        return new SpinTwin(spin, cc);
    }

    static Path onPath(String name, String searchPath) {
        if (searchPath == null) return null;
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** The -D definitions for a protocol row, or null for a row of another family (no twin). */
    static List<String> defines(String row) {
        Matcher m = ROW.matcher(row);
        if (!m.matches()) return null;
        return List.of("-DFORKS=" + m.group(1), "-DMUNMAPS=" + m.group(2), "-DMONITORS=" + m.group(3),
                "-DPAGES=" + m.group(4));
    }

    /**
     * pan's hash table of 2^bits slots for about this many states: about two slots a state, as a
     * SPIN user would set -w, so that long chains do not slow SPIN down on the large rows.
     */
    static int hashBits(long states) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, states)) + 1;
        return Math.max(18, Math.min(32, bits));
    }

    /**
     * Builds and runs pan for the row in a fresh directory under work, removed afterwards, with a
     * hash table sized for about expectedStates.
     */
    Result run(Path model, String row, Path work, long expectedStates) throws Failure {
        List<String> defs = defines(row);
        if (defs == null) throw new Failure("bench row " + row + " has no Promela twin");
        if (!Files.isRegularFile(model)) throw new Failure("no Promela twin at " + model);
        Path dir;
        try {
            Files.createDirectories(work);
            dir = Files.createTempDirectory(work, "spin-" + row + "-");
        } catch (IOException e) {
            throw new Failure("cannot make a directory for pan under " + work + ": " + IoErrors.reason(e));
        }
        try {
            // -o1 -o2 -o3: no dead-variable reset, no hiding, no merging; protocol.pml says why.
            List<String> gen = new ArrayList<>(List.of(spin.toString(), "-o1", "-o2", "-o3"));
            gen.addAll(defs);
            gen.add("-a");
            gen.add(model.toAbsolutePath().toString());
            exec(gen, dir, "spin -a");
            exec(List.of(cc.toString(), "-O2", "-DNOREDUCE", "-DSAFETY", "-o", "pan", "pan.c"), dir, "cc");
            String out = exec(List.of(dir.resolve("pan").toString(), "-E", "-m" + MAX_DEPTH,
                    "-w" + hashBits(expectedStates)), dir, "pan");
            return parse(out);
        } finally {
            delete(dir);
        }
    }

    /** States stored, depth and search time from pan's report; a truncated or failed search is a Failure. */
    static Result parse(String out) throws Failure {
        if (out.contains("max search depth too small")) {
            throw new Failure("pan's search was cut at depth " + MAX_DEPTH + " (max search depth too small)");
        }
        if (out.contains("out of memory")) throw new Failure("pan ran out of memory");
        Matcher d = DEPTH.matcher(out);
        Matcher s = STORED.matcher(out);
        Matcher t = ELAPSED.matcher(out);
        if (!d.find() || !s.find() || !t.find()) throw new Failure("pan's report was not understood:\n" + out);
        if (!d.group(2).equals("0")) throw new Failure("pan found " + d.group(2) + " error(s):\n" + out);
        return new Result(Long.parseLong(s.group(1)), Integer.parseInt(d.group(1)), Double.parseDouble(t.group(1)));
    }

    private static String exec(List<String> cmd, Path dir, String what) throws Failure {
        Path log = dir.resolve(what.replace(' ', '-') + ".out");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new Failure("cannot start " + what + ": " + IoErrors.reason(e));
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failure(what + " was interrupted");
        }
        String out;
        try {
            out = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("cannot read what " + what + " printed: " + IoErrors.reason(e));
        }
        if (code != 0) throw new Failure(what + " failed (exit " + code + "):\n" + out.strip());
        return out;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover directory under target/ is harmless; the comparison already has its numbers.
        }
    }
}
