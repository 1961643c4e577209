package org.uffdcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uffdcheck.engine.ExploreResult;

/**
 * models/expected-counts.tsv: the distinct states, transitions and depth of every shipped scenario
 * under each option set the suite runs. A change of semantics or of a reduction changes a count;
 * the file makes that a failed test unless it was meant, and then the file is regenerated with
 * {@value #REGENERATE} and its diff reviewed with the change.
 */
final class ExpectedCounts {
    static final Path FILE = Path.of("models", "expected-counts.tsv");
    static final String REGENERATE = "mvn -B test -Dtest=ShippedModelsTest -Duffdcheck.updateCounts=true";
    private static final String HEADER = "model\tscenario\toptions\tverdict\tstates\ttransitions\tdepth";

    private ExpectedCounts() {}

    /** One scenario under one option set; model is the path under models/, with '/'. */
    record Row(String model, String scenario, String options, String verdict, long states, long transitions, int depth) {
        static Row of(Path file, String scenario, String options, ExploreResult r) {
            String model = Path.of("models").relativize(file).toString().replace('\\', '/');
            return new Row(model, scenario, options, ModelRunner.verdict(r), r.stats().states(),
                    r.stats().transitions(), r.stats().depth());
        }

        String key() {
            return model + "\t" + scenario + "\t" + options;
        }

        String line() {
            return key() + "\t" + verdict + "\t" + states + "\t" + transitions + "\t" + depth;
        }

        static Row parse(String line, int lineNo) {
            String[] f = line.split("\t", -1);
            if (f.length != 7) throw new IllegalStateException(FILE + ":" + lineNo + ": expected 7 tab-separated fields: " + line);
            return new Row(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]));
        }
    }

    /** Whether this run rewrites the file instead of comparing against it. */
    static boolean updating() {
        return Boolean.getBoolean("uffdcheck.updateCounts");
    }

    /** The rows of the file by key; empty if there is no file. */
    static Map<String, Row> load() {
        Map<String, Row> rows = new TreeMap<>();
        if (!Files.exists(FILE)) return rows;
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#") || l.equals(HEADER)) continue;
            Row r = Row.parse(l, i + 1);
            rows.put(r.key(), r);
        }
        return rows;
    }

    static void write(Collection<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("# Distinct states, transitions and BFS depth of every scenario under models/ that `uffdcheck test`");
        lines.add("# runs, with no option, with --merge-local and with --symmetry; checked by ShippedModelsTest.");
        lines.add("# Regenerate on purpose, and review the diff, with: " + REGENERATE);
        lines.add(HEADER);
        Map<String, Row> sorted = new TreeMap<>();
        for (Row r : rows) sorted.put(r.key(), r);
        for (Row r : sorted.values()) lines.add(r.line());
        try {
            Files.write(FILE, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows that differ, as a diff: "- expected" and "+ actual" lines, empty if none does. */
    static String diff(Map<String, Row> expected, List<Row> actual) {
        StringBuilder sb = new StringBuilder();
        for (Row a : actual) {
            Row e = expected.get(a.key());
            if (a.equals(e)) continue;
            sb.append("- ").append(e == null ? a.key() + "\t(no row)" : e.line()).append('\n');
            sb.append("+ ").append(a.line()).append('\n');
        }
        return sb.toString();
    }
}
