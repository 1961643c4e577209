package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scenario table of models/README.md says what models/expected-counts.tsv says (which the
 * suite checks against the models): each row's verdict and states, and every scenario of the
 * directories the table covers has a row.
 */
class ModelsReadmeTest {
    private static final Path README = Path.of("models", "README.md");
    private static final List<String> COVERED = List.of("scenarios/", "kernel/", "mutants/", "diff/");
    private static final Pattern SYMMETRY = Pattern.compile("`--symmetry` needs ([\\d,]+) states");

    /** A row of the table: file (or a glob of files), scenario, verdict, states or "A to B", shows. */
    record TableRow(String file, String scenario, String verdict, String states, String shows) {}

    @Test
    void scenarioTableAgreesWithTheCountsFile() throws IOException {
        Map<String, ExpectedCounts.Row> counts = ExpectedCounts.load();
        assertFalse(counts.isEmpty(), "no " + ExpectedCounts.FILE);
        List<TableRow> table = table();
        assertFalse(table.isEmpty(), "no scenario table in " + README);
        List<String> wrong = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (TableRow t : table) {
            List<ExpectedCounts.Row> rows = matching(counts, t, "default");
            if (rows.isEmpty()) {
                wrong.add(t.file() + " / " + t.scenario() + ": no such scenario in " + ExpectedCounts.FILE);
                continue;
            }
            long min = Long.MAX_VALUE, max = 0;
            for (ExpectedCounts.Row r : rows) {
                listed.add(r.model() + " / " + r.scenario());
                min = Math.min(min, r.states());
                max = Math.max(max, r.states());
                if (!r.verdict().equals(t.verdict())) {
                    wrong.add(r.model() + " / " + r.scenario() + ": README says " + t.verdict() + ", the model gives " + r.verdict());
                }
            }
            String states = min == max ? commas(min) : commas(min) + " to " + commas(max);
            if (!states.equals(t.states())) {
                wrong.add(t.file() + " / " + t.scenario() + ": README says " + t.states() + " states, the model has " + states);
            }
            Matcher m = SYMMETRY.matcher(t.shows());
            if (m.find()) {
                for (ExpectedCounts.Row r : matching(counts, t, "symmetry")) {
                    if (!commas(r.states()).equals(m.group(1))) {
                        wrong.add(r.model() + " / " + r.scenario() + ": README says --symmetry needs " + m.group(1)
                                + " states, it needs " + commas(r.states()));
                    }
                }
            }
        }
        for (ExpectedCounts.Row r : counts.values()) {
            boolean covered = COVERED.stream().anyMatch(d -> r.model().startsWith(d));
            if (covered && !listed.contains(r.model() + " / " + r.scenario())) {
                wrong.add(r.model() + " / " + r.scenario() + ": no row in " + README);
            }
        }
        assertTrue(wrong.isEmpty(), README + " disagrees with " + ExpectedCounts.FILE + ":\n" + String.join("\n", wrong));
    }

    @Test
    void aGlobRowCoversTheFilesItNames() throws IOException {
        // The mutants' fixed runs are one row; it must not silently match nothing.
        for (TableRow t : table()) {
            if (t.file().contains("*")) {
                assertTrue(matching(ExpectedCounts.load(), t, "default").size() > 1, t.file());
            }
        }
    }

    private static List<ExpectedCounts.Row> matching(Map<String, ExpectedCounts.Row> counts, TableRow t, String options) {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + t.file());
        List<ExpectedCounts.Row> rows = new ArrayList<>();
        for (ExpectedCounts.Row r : counts.values()) {
            if (r.options().equals(options) && r.scenario().equals(t.scenario()) && glob.matches(Path.of(r.model()))) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The rows of the table under "## Scenarios and mutants". */
    private static List<TableRow> table() throws IOException {
        List<TableRow> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("## ")) inSection = line.equals("## Scenarios and mutants");
            if (!inSection || !line.startsWith("| ")) continue;
            String[] f = line.split("\\|", -1);
            if (f.length < 7) continue;
            String file = f[1].trim();
            if (file.equals("file") || file.startsWith("---")) continue;
            rows.add(new TableRow(file, f[2].trim(), f[3].trim(), f[4].trim(), f[5].trim()));
        }
        return rows;
    }

    private static String commas(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
