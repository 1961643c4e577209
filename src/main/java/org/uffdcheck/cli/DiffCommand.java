package org.uffdcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.diff.DiffReport;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.diff.Outcome;
import org.uffdcheck.diff.ScenarioDiff;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.trace.Counterexample;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** uffdcheck diff OLD NEW: what user space can see differently in a scenario of two models. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare what user space can observe in the same scenario of two models (typically the code "
                + "before and after a patch): observable traces and what each side can refuse, both ways; "
                + "reports a shortest run that tells them apart.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:same observable behaviour in every scenario compared",
            "1:a scenario's observable behaviour differs",
            "2:bad input or usage: a model with mistakes, an unknown option or scenario, no scenario in common, "
                    + "an unwritable output file",
            "3:a bound was hit, or Ctrl-C stopped the search, before a verdict"})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "Model file (.uffd) before the change.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "Model file (.uffd) after the change.")
    Path newFile;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Compare this scenario (default: every scenario both models have).")
    String scenario;

    @Option(names = "--new-scenario", paramLabel = "NAME",
            description = "The scenario of NEW to compare with --scenario's of OLD (default: the same name).")
    String newScenario;

    @Option(names = "--max-states", paramLabel = "N",
            description = "Stop when a side has more than N states, or the comparison more than N pairs of macrostates.")
    long maxStates;

    @Option(names = "--max-depth", paramLabel = "N", description = "Stop when a side has runs longer than N steps.")
    int maxDepth;

    @Mixin
    RenderOptions render = new RenderOptions();

    @Mixin
    IncludeOptions includes = new IncludeOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = maxStates < 0 ? "--max-states must not be negative" : maxDepth < 0 ? "--max-depth must not be negative"
                : newScenario != null && scenario == null ? "--new-scenario needs --scenario, the scenario of OLD to compare"
                : render.problem();
        if (problem == null) problem = includes.problem();
        if (problem != null) {
            err.println("uffdcheck: " + problem);
            return Main.BAD_INPUT;
        }
        CheckedModel[] models = new CheckedModel[2];
        Path[] files = {oldFile, newFile};
        for (int i = 0; i < 2; i++) {
            try {
                models[i] = ModelRunner.load(files[i], includes.dirs());
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                return Main.BAD_INPUT;
            }
        }
        List<ScenarioInfo[]> pairs = pairs(models, err);
        if (pairs == null) return Main.BAD_INPUT;
        Interrupts interrupts = new Interrupts();
        List<Counterexample> runs = new ArrayList<>();
        int code = Main.HOLDS;
        try {
            for (ScenarioInfo[] pair : pairs) {
                if (interrupts.interrupted()) break;
                int c = one(models, pair, interrupts, runs, out, err);
                if (c == Main.BAD_INPUT) return c;
                if (c == Main.VIOLATION || code == Main.HOLDS) code = c;
                out.flush();
            }
            if (render.json != null || render.html != null) {
                if (runs.isEmpty()) {
                    err.println("uffdcheck: no difference, so no trace file written");
                } else if (!render.write(runs, "uffdcheck diff: " + oldFile + " against " + newFile, err)) {
                    return Main.BAD_INPUT;
                }
            }
            return code;
        } finally {
            out.flush();
            err.flush();
            interrupts.done();
        }
    }

    /** The scenarios to compare, old first; null (after saying why) when there are none. */
    private List<ScenarioInfo[]> pairs(CheckedModel[] m, PrintWriter err) {
        Path[] files = {oldFile, newFile};
        for (int i = 0; i < 2; i++) {
            if (m[i].scenarios.isEmpty()) {
                err.println("uffdcheck: " + ModelRunner.noScenario(files[i], m[i]));
                return null;
            }
        }
        List<ScenarioInfo[]> out = new ArrayList<>();
        if (scenario != null) {
            String[] names = {scenario, newScenario != null ? newScenario : scenario};
            ScenarioInfo[] pair = new ScenarioInfo[2];
            for (int i = 0; i < 2; i++) {
                pair[i] = m[i].scenarios.get(names[i]);
                if (pair[i] == null) {
                    err.println("uffdcheck: unknown scenario '" + names[i] + "' in " + files[i] + "; it has: "
                            + String.join(", ", m[i].scenarios.keySet()));
                    return null;
                }
            }
            out.add(pair);
            return out;
        }
        for (ScenarioInfo s : m[0].scenarios.values()) {
            ScenarioInfo t = m[1].scenarios.get(s.name());
            if (t != null) out.add(new ScenarioInfo[] {s, t});
        }
        if (out.isEmpty()) {
            err.println("uffdcheck: " + oldFile + " and " + newFile + " have no scenario of the same name (" + oldFile + ": "
                    + String.join(", ", m[0].scenarios.keySet()) + "; " + newFile + ": " + String.join(", ", m[1].scenarios.keySet())
                    + "); name the two to compare with --scenario and --new-scenario");
            return null;
        }
        return out;
    }

    /** Compares one pair of scenarios and prints the result; returns its exit code. */
    private int one(CheckedModel[] m, ScenarioInfo[] pair, Interrupts interrupts, List<Counterexample> runs,
                    PrintWriter out, PrintWriter err) {
        CompiledScenario[] cs = new CompiledScenario[2];
        try {
            for (int i = 0; i < 2; i++) cs[i] = Compiler.compile(m[i], pair[i], Reductions.NONE);
        } catch (ModelError e) {
            err.print(e.diagnostics().render());
            return Main.BAD_INPUT;
        }
        String[] labels = {oldFile + " (scenario " + pair[0].name() + ")", newFile + " (scenario " + pair[1].name() + ")"};
        String title = pair[0].name().equals(pair[1].name()) ? "scenario " + pair[0].name()
                : "scenarios " + pair[0].name() + " and " + pair[1].name();
        if (!threads(cs[0]).equals(threads(cs[1]))) {
            out.println("note: the threads differ (old: " + String.join(", ", threads(cs[0])) + "; new: "
                    + String.join(", ", threads(cs[1])) + "), and an observation names its thread, so such observations never match");
        }
        ScenarioDiff diff = new ScenarioDiff(cs[0], cs[1], bound(maxStates, pair[0].maxStates(), pair[1].maxStates()),
                (int) bound(maxDepth, pair[0].maxDepth(), pair[1].maxDepth()));
        interrupts.stopping(diff::requestStop);
        ScenarioDiff.Result r = diff.run();
        interrupts.stopping(null);
        boolean bounded = r.stopped() || r.outcome().status() == Outcome.Status.BOUND;
        // The verdicts come first: a model fault among them (a step observing twice) is bad input, not a difference.
        String[] verdicts = bounded || interrupts.interrupted() ? null : verdicts(m, pair, interrupts, err);
        if (!bounded && !interrupts.interrupted() && verdicts == null) return Main.BAD_INPUT;
        int code;
        if (bounded || interrupts.interrupted()) {
            out.println(title + ": " + (interrupts.interrupted() ? "interrupted"
                    : "bound hit (" + (r.stopped() ? DiffReport.stopReason(r) : r.outcome().bound()) + ")") + " before a verdict");
            code = Main.BOUND;
        } else if (r.outcome().status() == Outcome.Status.SAME) {
            out.println(title + ": same observable behaviour");
            code = Main.HOLDS;
        } else {
            out.println(title + ": observable behaviour differs");
            code = Main.VIOLATION;
        }
        for (String line : DiffReport.sizes(r, labels)) out.println("  " + line);
        if (!bounded && r.alphabet().size() == 0) {
            out.println("  note: no step of either side observes anything (no observe statement runs), so any two such "
                    + "scenarios look the same; the libraries' process and monitor threads observe their calls");
        }
        if (code == Main.VIOLATION) {
            for (String line : DiffReport.difference(r)) out.println(line);
            if (render.style() == Report.Style.LIST) {
                for (Counterexample cx : DiffReport.runs(r)) {
                    out.println();
                    out.println(cx.explanation() + ":");
                    out.print(org.uffdcheck.trace.TextTrace.render(cx.scenario(), cx.trace()));
                }
            } else {
                out.print(DiffReport.diagrams(r, render.full));
            }
            runs.addAll(DiffReport.runs(r));
        }
        if (verdicts != null) {
            int w = Math.max(24, verdicts[0].length() + 7);
            out.println("properties of each side (as check reports them):");
            out.printf("  %-" + w + "s %s%n", "old: " + verdicts[0], "new: " + verdicts[1]);
        }
        return code;
    }

    private static List<String> threads(CompiledScenario cs) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < cs.threadCount(); t++) out.add(cs.threadName(t));
        return out;
    }

    /** A limit from the command line, else the larger of the scenarios' own (0: none). */
    private static long bound(long given, long a, long b) {
        if (given > 0) return given;
        if (a == 0 || b == 0) return 0;
        return Math.max(a, b);
    }

    /** Each side's own property verdicts for its scenario, as check words them; null (after saying why) on a model error. */
    private String[] verdicts(CheckedModel[] m, ScenarioInfo[] pair, Interrupts interrupts, PrintWriter err) {
        String[] verdict = new String[2];
        for (int i = 0; i < 2; i++) {
            ModelRunner.Run run;
            try {
                run = ModelRunner.prepare(m[i], pair[i], ExploreOptions.defaults().withMaxStates(maxStates)
                        .withMaxDepth(maxDepth), null);
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                return null;
            }
            interrupts.running(run.explorer());
            ExploreResult r = run.go();
            interrupts.running(null);
            verdict[i] = ModelRunner.verdict(r);
            for (Violation v : Report.violations(r)) {
                // A step that observes twice is a mistake in the model, as check reports it.
                if (v.id().fault() == null || !v.id().fault().modelError() || v.trace() == null) continue;
                err.println("uffdcheck: " + (i == 0 ? oldFile : newFile) + ", scenario " + pair[i].name() + ": "
                        + Counterexample.of(run.scenario(), v.id(), v.trace()).explanation());
                return null;
            }
        }
        return verdict;
    }
}
