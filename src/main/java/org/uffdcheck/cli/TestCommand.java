package org.uffdcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ModelFiles;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** uffdcheck test DIR...: checks every model against the verdict it declares. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Check every scenario of every model (.uffd) under the given files or directories "
                + "against the verdict its expect line declares. Directories named slow are passed over.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every scenario gave its expected verdict",
            "1:some scenario did not",
            "2:bad input or usage: a model with mistakes, no models found, a path that does not exist",
            "3:no verdict differs, but a scenario hit a bound (states, depth, time, memory) before its verdict, "
                    + "or Ctrl-C stopped the run"})
final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Model files or directories to search for .uffd files.")
    List<Path> roots;

    @Mixin
    SearchOptions search = new SearchOptions();

    @Mixin
    IncludeOptions includes = new IncludeOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final String LINK_OUT = "link out of ";
    private static final String MODEL_ERRORS = "model has errors";

    /** How a line of the table came out; the exit code follows the worst. */
    enum Outcome {
        AS_EXPECTED,
        /** A verdict other than the expected one. */
        DIFFERS,
        /** Stopped before a verdict: by a bound or by Ctrl-C. */
        NO_VERDICT,
        /** The model did not load, or is a link out of the tree. */
        BAD_INPUT
    }

    /** One line of the summary table. */
    record Row(String model, String scenario, String expected, String got, long states, double seconds, Outcome outcome) {
        boolean ok() { return outcome == Outcome.AS_EXPECTED; }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = includes.problem();
        if (problem == null) problem = search.problem();
        if (problem != null) {
            err.println("uffdcheck: " + problem);
            return Main.BAD_INPUT;
        }
        List<Path> files = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                err.println("uffdcheck: no such file or directory: " + root);
                return Main.BAD_INPUT;
            }
            if (!Files.isDirectory(root) && !Files.isRegularFile(root)) {
                err.println("uffdcheck: " + root + " is neither a model file nor a directory");
                return Main.BAD_INPUT;
            }
            try {
                ModelFiles.Listing listing = ModelFiles.list(root);
                files.addAll(listing.models());
                for (Path p : listing.linksOut()) {
                    err.println("uffdcheck: " + p + " is not read: it is a link to " + p.toRealPath() + ", outside " + root);
                    rows.add(new Row(p.toString(), "-", "-", LINK_OUT + root, 0, 0, Outcome.BAD_INPUT));
                }
            } catch (IOException e) {
                err.println("uffdcheck: cannot read " + root + ": " + IoErrors.reason(e));
                return Main.BAD_INPUT;
            }
        }
        if (files.isEmpty() && rows.isEmpty()) {
            err.println("uffdcheck: no models found under " + String.join(", ", roots.stream().map(Path::toString).toList())
                    + " (a model is a .uffd file that declares a scenario)");
            return Main.BAD_INPUT;
        }
        Interrupts interrupts = new Interrupts();
        try {
            for (Path f : files) {
                if (interrupts.interrupted()) break;
                runFile(f, rows, interrupts, err);
            }
            printTable(out, rows);
        } finally {
            out.flush();
            interrupts.done();
        }
        // A model that does not load, or a link out of the tree, is bad input, as it is for check.
        for (Row r : rows) if (r.outcome() == Outcome.BAD_INPUT) return Main.BAD_INPUT;
        for (Row r : rows) if (r.outcome() == Outcome.DIFFERS) return Main.VIOLATION;
        // No verdict differs; a scenario stopped by a bound (or Ctrl-C) has none, as for check.
        for (Row r : rows) if (r.outcome() == Outcome.NO_VERDICT) return Main.BOUND;
        return interrupts.interrupted() ? Main.BOUND : Main.HOLDS;
    }

    private void runFile(Path f, List<Row> rows, Interrupts interrupts, PrintWriter err) {
        CheckedModel model;
        try {
            model = ModelRunner.load(f, includes.dirs());
        } catch (ModelError e) {
            err.print(e.diagnostics().render());
            rows.add(new Row(f.toString(), "-", "-", MODEL_ERRORS, 0, 0, Outcome.BAD_INPUT));
            return;
        }
        for (ScenarioInfo s : model.scenarios.values()) {
            if (interrupts.interrupted()) return;
            ModelRunner.Run run;
            try {
                run = ModelRunner.prepare(model, s, search.toOptions(), null, search.reductions(), search.fairness(),
                        search.engine());
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                rows.add(new Row(f.toString(), s.name(), s.expect().show(), MODEL_ERRORS, 0, 0, Outcome.BAD_INPUT));
                continue;
            }
            interrupts.running(run.explorer());
            ExploreResult r = run.go();
            interrupts.running(null);
            boolean ok = ModelRunner.matches(s.expect(), r);
            rows.add(new Row(f.toString(), s.name(), s.expect().show(), ModelRunner.verdict(r), r.stats().states(),
                    r.stats().seconds(), ok ? Outcome.AS_EXPECTED : outcomeOf(r.status())));
            if (!ok && r.status() == ExploreResult.Status.VIOLATION) {
                err.printf("%s: scenario %s: unexpected verdict%n", f, s.name());
                Report.print(err, run.scenario(), r);
            }
        }
    }

    private static Outcome outcomeOf(ExploreResult.Status status) {
        return switch (status) {
            case BOUND_REACHED, INTERRUPTED -> Outcome.NO_VERDICT;
            case HOLDS, VIOLATION, NO_VIOLATION_FOUND -> Outcome.DIFFERS;
        };
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        int wm = 5, ws = 8, we = 8, wg = 6;
        for (Row r : rows) {
            wm = Math.max(wm, r.model().length());
            ws = Math.max(ws, r.scenario().length());
            we = Math.max(we, r.expected().length());
            wg = Math.max(wg, r.got().length());
        }
        String fmt = "%-" + wm + "s  %-" + ws + "s  %-" + we + "s  %-" + wg + "s  %12s  %8s  %s%n";
        out.printf(Locale.ROOT, fmt, "model", "scenario", "expected", "result", "states", "seconds", "");
        int pass = 0;
        for (Row r : rows) {
            out.printf(Locale.ROOT, fmt, r.model(), r.scenario(), r.expected(), r.got(), String.format(Locale.ROOT, "%,d", r.states()),
                    String.format(Locale.ROOT, "%.2f", r.seconds()), r.ok() ? "ok" : "FAIL");
            if (r.ok()) pass++;
        }
        out.printf("%d scenarios: %d as expected, %d not%n", rows.size(), pass, rows.size() - pass);
    }
}
