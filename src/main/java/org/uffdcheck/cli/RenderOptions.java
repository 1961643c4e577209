package org.uffdcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.uffdcheck.trace.Counterexample;
import org.uffdcheck.trace.HtmlReport;
import org.uffdcheck.trace.JsonTrace;
import picocli.CommandLine.Option;

/** How check shows counterexamples, and the files it writes them to. */
final class RenderOptions {
    @Option(names = "--full", description = "Show every step in the race diagram; by default, runs of steps no other thread can see are folded.")
    boolean full;

    @Option(names = "--list", description = "Show counterexamples as numbered steps with every change, instead of a race diagram.")
    boolean list;

    @Option(names = "--trace-json", paramLabel = "FILE", description = "Write the counterexample(s) as JSON (ITF; see docs/trace-format.md), for tools and for replay.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the counterexample(s) as one self-contained HTML page with a sequence chart.")
    Path html;

    /**
     * A usage mistake, or null. Output files are checked before the search, which may run for
     * hours, and their directories must exist: a mistyped path should not be created silently.
     */
    String problem() {
        if (full && list) return "--full and --list exclude each other (--list always shows every step)";
        String p = json == null ? null : unwritable(json);
        return p != null ? p : html == null ? null : unwritable(html);
    }

    private static String unwritable(Path p) {
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            return "cannot write " + p + ": " + (Files.exists(dir) ? p.getParent() + " is not a directory"
                    : "directory " + p.getParent() + " does not exist");
        }
        if (Files.isDirectory(p)) return "cannot write " + p + ": it is a directory";
        return null;
    }

    Report.Style style() {
        if (list) return Report.Style.LIST;
        return full ? Report.Style.DIAGRAM_FULL : Report.Style.DIAGRAM;
    }

    /** Writes the files asked for; false (after saying why on err) when one cannot be written. */
    boolean write(List<Counterexample> all, PrintWriter err) {
        return write(all, null, err);
    }

    /** With the HTML page's title, or null for the counterexamples' own. */
    boolean write(List<Counterexample> all, String title, PrintWriter err) {
        if ((json != null || html != null) && all.isEmpty()) {
            err.println("uffdcheck: no counterexample, so no trace file written");
            return true;
        }
        return (json == null || save(json, JsonTrace.write(all), err))
                && (html == null || save(html, title == null ? HtmlReport.render(all) : HtmlReport.render(title, all), err));
    }

    private static boolean save(Path p, String text, PrintWriter err) {
        String problem = unwritable(p);
        if (problem != null) {
            err.println("uffdcheck: " + problem);
            return false;
        }
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println("uffdcheck: cannot write " + p + ": " + IoErrors.reason(e));
            return false;
        }
    }
}
