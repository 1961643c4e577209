package org.uffdcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uffdcheck.conform.ConformRunner;
import org.uffdcheck.conform.HarnessOutput;

/** The conform command's table, its reports of refuted and failed runs, and its JSON file. */
final class ConformTable {
    private ConformTable() {}

    static String kernel() {
        return System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?");
    }

    static void table(PrintWriter out, List<ConformRunner.Result> results) {
        for (ConformRunner.Result r : results) {
            for (ConformRunner.Seen s : r.distinct()) {
                if (s.verdict() == null) failed(out, r, s);
                else if (!s.verdict().conforms()) refuted(out, r, s);
            }
        }
        int w = "scenario".length();
        for (ConformRunner.Result r : results) w = Math.max(w, r.scenario().length());
        String fmt = "%-" + w + "s  %4s  %10s  %7s  %6s  %8s  %8s  %7s%n";
        out.printf("kernel: %s%n", kernel());
        out.printf(fmt, "scenario", "runs", "conforming", "refuted", "failed", "distinct", "coverage", "seconds");
        double total = 0;
        for (ConformRunner.Result r : results) {
            out.printf(fmt, r.scenario(), r.runs(), r.conforming(), r.refuted(), r.failed(), r.distinct().size(),
                    r.coverageText(), String.format(Locale.ROOT, "%.2f", r.seconds()));
            total += r.seconds();
        }
        long refuted = results.stream().filter(r -> r.refuted() > 0).count();
        long failed = results.stream().filter(r -> r.failed() > 0).count();
        long undecided = results.stream().filter(r -> r.undecided() > 0).count();
        out.printf(Locale.ROOT, "%d scenarios: %d conform in every run, %d refuted, %d with failed runs, %d undecided; %.1f s%n",
                results.size(), results.stream().filter(ConformRunner.Result::ok).count(), refuted, failed, undecided, total);
        for (ConformRunner.Result r : results) {
            if (r.coverage() == null || r.coverage().unseen().isEmpty()) continue;
            out.println("unseen in " + r.scenario() + ": " + String.join("; ",
                    r.coverage().unseen().stream().map(Object::toString).sorted().toList()));
        }
    }

    private static void refuted(PrintWriter out, ConformRunner.Result r, ConformRunner.Seen s) {
        boolean undecided = s.verdict().kind() == ConformRunner.Judge.Verdict.Kind.UNDECIDED;
        out.printf("%s %s (%s), %d of %d runs:%n", undecided ? "UNDECIDED" : "REFUTED", r.scenario(), r.file(), s.times(),
                r.runs());
        recording(out, s.recording());
        out.println(s.verdict().report().stripTrailing().indent(2).stripTrailing());
        out.println();
    }

    private static void failed(PrintWriter out, ConformRunner.Result r, ConformRunner.Seen s) {
        out.printf("FAILED RUN %s (%s), %d of %d runs: %s%n", r.scenario(), r.file(), s.times(), r.runs(),
                String.join("; ", s.recording().errors()));
        recording(out, s.recording());
        out.println();
    }

    private static void recording(PrintWriter out, HarnessOutput rec) {
        out.println("  recorded:");
        for (HarnessOutput.Recorded o : rec.observations()) out.println("    " + o);
        for (HarnessOutput.Blocked b : rec.blocked()) {
            out.println("    " + b.thread() + ": blocked in op " + b.op() + " (" + b.call() + ")"
                    + (b.started() ? b.wchan().isEmpty() ? "" : " at " + b.wchan() : ", its process never existed"));
        }
        for (String k : rec.killed()) out.println("    " + k + ": killed");
    }

    static void writeJson(Path file, List<ConformRunner.Result> results) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kernel", kernel());
        List<Object> rows = new ArrayList<>();
        for (ConformRunner.Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", r.file());
            row.put("scenario", r.scenario());
            row.put("runs", r.runs());
            row.put("conforming", r.conforming());
            row.put("refuted", r.refuted());
            row.put("failed", r.failed());
            row.put("undecided", r.undecided());
            row.put("coverage", r.coverageText());
            if (r.coverage() != null) {
                row.put("possible", r.coverage().possible().stream().map(Object::toString).sorted().toList());
                row.put("unseen", r.coverage().unseen().stream().map(Object::toString).sorted().toList());
            }
            row.put("seconds", r.seconds());
            row.put("op_script", r.script().text());
            List<Object> seen = new ArrayList<>();
            for (ConformRunner.Seen s : r.distinct()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("times", s.times());
                one.put("verdict", s.verdict() == null ? "failed" : s.verdict().kind().name().toLowerCase(Locale.ROOT));
                if (s.verdict() != null && !s.verdict().conforms()) one.put("report", s.verdict().report());
                one.put("lines", s.recording().lines());
                seen.add(one);
            }
            row.put("recordings", seen);
            rows.add(row);
        }
        root.put("scenarios", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }
}
