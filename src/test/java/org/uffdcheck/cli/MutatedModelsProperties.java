package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.uffdcheck.lang.ModelLoader;

/**
 * The shipped models with tokens or lines deleted, duplicated or swapped: whatever the damage,
 * check ends with an exit code the documentation lists (0 to 3) and a message, never with an
 * internal error or a stack trace. Each try mutates one file of a copy of the models tree, so
 * that includes still resolve, and checks the scenario file it belongs to under tight bounds.
 */
class MutatedModelsProperties {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|[0-9]+|\\S");
    private static final Path MODELS = Path.of("models");
    private static Path copy;

    /** One change: what to do and where (positions taken modulo the file's size). */
    record Mutation(Kind kind, int at, int other) {}

    enum Kind { DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, DELETE_LINE, DUPLICATE_LINE, SWAP_LINES }

    /** A scenario file to check, the file in its reach to mutate (itself or a library), and the changes. */
    record Damage(Path scenario, Path target, List<Mutation> mutations) {}

    @Property(tries = 200)
    void damagedModelsEndInADocumentedExitCode(@ForAll("damage") Damage d) throws IOException {
        Path root = copyOfModels();
        Path scenario = root.resolve(d.scenario());
        Path target = root.resolve(d.target());
        String original = Files.readString(target);
        String damaged = original;
        for (Mutation m : d.mutations()) damaged = apply(damaged, m);
        Files.writeString(target, damaged);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            picocli.CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("check", scenario.toString(), "--max-states", "5000", "--time-limit", "2");
            String all = out + "\n" + err;
            String what = d + "\n--- damaged " + d.target() + ":\n" + changedLines(original, damaged) + "\n--- output:\n" + all;
            assertTrue(code >= 0 && code <= 3, "exit code " + code + ": " + what);
            for (String never : new String[] {"internal error", "Exception", "java.lang.", "\tat "}) {
                assertFalse(all.contains(never), "'" + never + "' reached the user: " + what);
            }
        } finally {
            Files.writeString(target, original);
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        List<Path> scenarios = shippedScenarios();
        List<Path> libraries = new ArrayList<>();
        for (Path p : allModelFiles()) if (!scenarios.contains(p)) libraries.add(p);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 1 << 20)).as(Mutation::new);
        Arbitrary<Path> scenario = Arbitraries.of(scenarios);
        // Mostly the scenario file itself; sometimes a library, which the scenario may include.
        Arbitrary<Integer> library = Arbitraries.integers().between(-3 * libraries.size(), libraries.size() - 1);
        return Combinators.combine(scenario, library, mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((s, l, ms) -> new Damage(s, l >= 0 ? libraries.get(l) : s, ms));
    }

    static String apply(String text, Mutation m) {
        return switch (m.kind()) {
            case DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS -> tokens(text, m);
            case DELETE_LINE, DUPLICATE_LINE, SWAP_LINES -> lines(text, m);
        };
    }

    private static String tokens(String text, Mutation m) {
        List<int[]> spans = new ArrayList<>();
        Matcher t = TOKEN.matcher(text);
        while (t.find()) spans.add(new int[] {t.start(), t.end()});
        if (spans.size() < 2) return text;
        int i = m.at() % (spans.size() - 1);
        int[] a = spans.get(i);
        int[] b = spans.get(i + 1);
        String ta = text.substring(a[0], a[1]);
        String tb = text.substring(b[0], b[1]);
        return switch (m.kind()) {
            case DELETE_TOKEN -> text.substring(0, a[0]) + text.substring(a[1]);
            case DUPLICATE_TOKEN -> text.substring(0, a[1]) + " " + ta + text.substring(a[1]);
            default -> text.substring(0, a[0]) + tb + text.substring(a[1], b[0]) + ta + text.substring(b[1]);
        };
    }

    private static String lines(String text, Mutation m) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = m.at() % lines.size();
        int j = m.other() % lines.size();
        switch (m.kind()) {
            case DELETE_LINE -> lines.remove(i);
            case DUPLICATE_LINE -> lines.add(i, lines.get(i));
            default -> {
                String x = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, x);
            }
        }
        return String.join("\n", lines);
    }

    /** The lines that differ, for the failure message: the damaged model itself may be long. */
    private static String changedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int from = 0;
        while (from < a.length && from < b.length && a[from].equals(b[from])) from++;
        int ea = a.length;
        int eb = b.length;
        while (ea > from && eb > from && a[ea - 1].equals(b[eb - 1])) {
            ea--;
            eb--;
        }
        StringBuilder s = new StringBuilder();
        for (int k = from; k < eb && k < from + 20; k++) s.append(k + 1).append(": ").append(b[k]).append('\n');
        return s.toString();
    }

    private static List<Path> allModelFiles() {
        try (Stream<Path> walk = Files.walk(MODELS)) {
            return walk.filter(p -> p.toString().endsWith(".uffd")).sorted().map(MODELS::relativize).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> shippedScenarios() {
        List<Path> out = new ArrayList<>();
        for (Path p : allModelFiles()) if (ModelLoader.declaresScenario(MODELS.resolve(p))) out.add(p);
        return out;
    }

    private static synchronized Path copyOfModels() throws IOException {
        if (copy != null) return copy;
        Path root = Files.createTempDirectory("uffdcheck-mutants");
        try (Stream<Path> walk = Files.walk(MODELS)) {
            for (Path p : walk.toList()) {
                Path to = root.resolve(MODELS.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        copy = root;
        return root;
    }

    @AfterContainer
    static void removeCopy() throws IOException {
        if (copy == null) return;
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        copy = null;
    }
}
