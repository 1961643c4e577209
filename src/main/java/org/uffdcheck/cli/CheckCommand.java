package org.uffdcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.trace.Counterexample;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** uffdcheck check FILE: explores a model's scenarios and reports each verdict. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Explore every interleaving of a model's scenario(s) and check their properties.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every property of every scenario holds",
            "1:a property is violated",
            "2:bad input or usage: a model with mistakes, an unknown option or scenario, an unwritable output file",
            "3:a bound was hit, or Ctrl-C stopped the search, before a verdict"})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Model file (.uffd).")
    Path file;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Check only this scenario (default: all).")
    String scenario;

    @Mixin
    SearchOptions search = new SearchOptions();

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
        String problem = search.problem();
        if (problem == null) problem = render.problem();
        if (problem == null) problem = includes.problem();
        if (problem != null) {
            err.println("uffdcheck: " + problem);
            return Main.BAD_INPUT;
        }
        CheckedModel model;
        try {
            model = ModelRunner.load(file, includes.dirs());
        } catch (ModelError e) {
            err.print(e.diagnostics().render());
            if (!ModelLoader.declaresScenario(file)) {
                err.println("uffdcheck: " + file + " declares no scenario: it is a library, checked through the models "
                        + "that include it (they define the constants and pools it uses)");
            }
            return Main.BAD_INPUT;
        }
        List<ScenarioInfo> scenarios = ModelRunner.select(model, scenario);
        if (model.scenarios.isEmpty()) {
            err.println("uffdcheck: " + (scenario == null ? "" : "unknown scenario '" + scenario + "': ")
                    + ModelRunner.noScenario(file, model));
            return Main.BAD_INPUT;
        }
        if (scenarios == null) {
            err.println("uffdcheck: unknown scenario '" + scenario + "' in " + file + "; it has: "
                    + String.join(", ", model.scenarios.keySet()));
            return Main.BAD_INPUT;
        }
        ExploreOptions opts = search.toOptions();
        Interrupts interrupts = new Interrupts();
        List<ExploreResult> results = new ArrayList<>();
        List<Counterexample> counterexamples = new ArrayList<>();
        try {
            for (ScenarioInfo s : scenarios) {
                if (interrupts.interrupted()) break;
                ModelRunner.Run run;
                try {
                    run = ModelRunner.prepare(model, s, opts, p -> err.println(Report.progress(p)), search.reductions(),
                            search.fairness());
                } catch (ModelError e) {
                    err.print(e.diagnostics().render());
                    return Main.BAD_INPUT;
                }
                interrupts.running(run.explorer());
                ExploreResult r = run.go();
                interrupts.running(null);
                if (r.status() == ExploreResult.Status.INTERRUPTED) {
                    out.printf("scenario %s: interrupted%n  reached so far: %s%n", s.name(), Report.stats(r.stats()));
                } else {
                    Report.print(out, run.scenario(), r, render.style());
                    for (Violation v : Report.violations(r)) {
                        if (v.trace() != null) counterexamples.add(Counterexample.of(run.scenario(), v.id(), v.trace()));
                    }
                }
                out.flush();
                results.add(r);
            }
            // Before done(): after Ctrl-C the process ends there, and the traces found so far are kept.
            if (!render.write(counterexamples, err)) return Main.BAD_INPUT;
            return exitCode(results);
        } finally {
            out.flush();
            err.flush();
            interrupts.done();
        }
    }

    private static int exitCode(List<ExploreResult> results) {
        int code = Main.HOLDS;
        for (ExploreResult r : results) {
            switch (r.status()) {
                case VIOLATION -> code = Main.VIOLATION;
                case HOLDS -> { }
                default -> { if (code == Main.HOLDS) code = Main.BOUND; }
            }
        }
        // A step that observes twice is a mistake in the model, reported like its other mistakes.
        for (ExploreResult r : results) {
            for (Violation v : Report.violations(r)) {
                if (v.id().fault() != null && v.id().fault().modelError()) return Main.BAD_INPUT;
            }
        }
        return code;
    }
}
