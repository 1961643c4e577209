package org.uffdcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.uffdcheck.conform.ConformRunner;
import org.uffdcheck.conform.HarnessBuild;
import org.uffdcheck.conform.HarnessRun;
import org.uffdcheck.conform.ModelJudge;
import org.uffdcheck.conform.OpScript;
import org.uffdcheck.conform.Translator;
import org.uffdcheck.lang.Diagnostic;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ModelFiles;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** uffdcheck conform: runs conformance scenarios on the live kernel and checks each run against the model. */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Run each conformance scenario's operations on this machine's kernel with a C harness "
                + "(built with the system's cc), several times, and check that every recorded run is one the "
                + "model allows. See docs/conformance.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every run of every scenario conforms",
            "1:some run was refuted: the model cannot produce what the kernel did",
            "2:bad input or usage: a model with mistakes, a scenario the kernel cannot run, an unknown scenario",
            "3:cannot run here (no C compiler, no permission for userfaultfd, a kernel without it), "
                    + "or a run failed (the harness hit its timeout or crashed)"})
final class ConformCommand implements Callable<Integer> {
    static final Path DEFAULT_MODELS = Path.of("models", "conform");

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model file, or a directory searched for them, less its models of Linux 4.x (the twins the "
                    + "live kernel refutes, which run when named as a file); default: models/conform.")
    Path model;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Run only these scenarios.")
    List<String> only;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs per scenario (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results, recordings included, to FILE.")
    Path json;

    @Option(names = "--against", paramLabel = "FILE",
            description = "Check the recordings against the scenarios of the same names in FILE (a twin: a model of "
                    + "another kernel, or a mutant) instead of the model they were run from.")
    Path against;

    @CommandLine.Mixin
    IncludeOptions includes = new IncludeOptions();

    @Option(names = "--print-ops", description = "Print each scenario's op script (what the harness would run) and stop.")
    boolean printOps;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "1000000",
            description = "The check's bound per recording, in (state, position) pairs (default: ${DEFAULT-VALUE}).")
    long maxStates;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000", hidden = true)
    long timeoutMs;

    @Option(names = "--settle-ms", paramLabel = "MS", defaultValue = "150", hidden = true)
    long settleMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A scenario to run: the model it is in and its op script. */
    /** model and scenario: what the recordings are checked against (the --against twin, or the scenario run). */
    record Job(Path file, CheckedModel model, ScenarioInfo scenario, OpScript script) {}

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || runs > 1000) return usage(err, "--runs must be 1 to 1000");
        if (timeoutMs < 100 || settleMs < 10 || settleMs >= timeoutMs) return usage(err, "bad --timeout-ms or --settle-ms");
        if (maxStates < 1) return usage(err, "--max-states must be positive");
        if (includes.problem() != null) return usage(err, includes.problem());
        List<Job> jobs = new ArrayList<>();
        Integer bad = jobs(err, jobs);
        if (bad != null) return bad;
        if (printOps) {
            for (Job j : jobs) out.print(j.script().text());
            return Main.HOLDS;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            err.println("uffdcheck: conform cannot run here: userfaultfd is Linux's, and this is " + System.getProperty("os.name"));
            return Main.BOUND;
        }
        List<ConformRunner.Result> results = new ArrayList<>();
        try {
            Path binary = HarnessBuild.build();
            ConformRunner runner = new ConformRunner(new HarnessRun(binary, timeoutMs, settleMs), new ModelJudge(maxStates), runs);
            for (Job j : jobs) results.add(runner.run(j.file().toString(), j.model(), j.scenario(), j.script(), null));
        } catch (ModelError e) {
            err.print(e.diagnostics().render());
            return Main.BAD_INPUT;
        } catch (HarnessBuild.Unavailable e) {
            err.println("uffdcheck: conform cannot run here: " + e.getMessage());
            return Main.BOUND;
        } catch (IOException e) {
            err.println("uffdcheck: conform: " + IoErrors.reason(e));
            return Main.BOUND;
        }
        ConformTable.table(out, results);
        if (json != null) {
            try {
                ConformTable.writeJson(json, results);
            } catch (IOException e) {
                err.println("uffdcheck: cannot write " + json + ": " + IoErrors.reason(e));
                return Main.BAD_INPUT;
            }
        }
        boolean refuted = results.stream().anyMatch(r -> r.refuted() > 0);
        boolean failed = results.stream().anyMatch(r -> r.failed() > 0 || r.undecided() > 0);
        return refuted ? Main.VIOLATION : failed ? Main.BOUND : Main.HOLDS;
    }

    /**
     * A model of a Linux 4.x kernel (it includes kernel/v4.*): the twins of the default suite's
     * scenarios for the facts where current kernels differ, which the live kernel refutes.
     */
    static boolean olderKernel(CheckedModel m) {
        for (var f : m.program.files()) {
            Path p = f.source().path();
            if (p == null) continue;
            Path dir = p.toAbsolutePath().normalize().getParent();
            if (dir != null && dir.getParent() != null && dir.getParent().getFileName() != null
                    && dir.getParent().getFileName().toString().equals("kernel") && dir.getFileName().toString().startsWith("v4.")) {
                return true;
            }
        }
        return false;
    }

    private static int usage(PrintWriter err, String why) {
        err.println("uffdcheck: " + why);
        return Main.BAD_INPUT;
    }

    /** Loads and translates what is to run; an exit code when something is wrong, else null. */
    private Integer jobs(PrintWriter err, List<Job> jobs) {
        Path root = model == null ? DEFAULT_MODELS : model;
        if (!Files.exists(root)) {
            return usage(err, model == null ? "no models/conform directory here: run from the project's root, or "
                    + "give --model FILE" : "no such file or directory: " + root);
        }
        List<Path> files;
        try {
            files = Files.isDirectory(root) ? ModelFiles.withScenarios(root) : List.of(root);
        } catch (IOException e) {
            return usage(err, "cannot read " + root + ": " + IoErrors.reason(e));
        }
        CheckedModel twin = null;
        if (against != null) {
            if (!Files.isRegularFile(against)) return usage(err, "--against " + against + ": no such file");
            try {
                twin = ModelRunner.load(against, includes.dirs());
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                return Main.BAD_INPUT;
            }
        }
        Set<String> wanted = only == null ? null : new LinkedHashSet<>(only);
        // Every scenario the kernel cannot run is reported, not only the first.
        Diagnostics refused = new Diagnostics();
        for (Path f : files) {
            CheckedModel m;
            try {
                m = ModelRunner.load(f, includes.dirs());
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                return Main.BAD_INPUT;
            }
            if (Files.isDirectory(root) && olderKernel(m)) {
                err.println("uffdcheck: conform: passing over " + f + ": it models Linux 4.x, which this kernel is "
                        + "expected to refute; it runs when named with --model FILE");
                continue;
            }
            for (ScenarioInfo s : m.scenarios.values()) {
                if (wanted != null && !wanted.contains(s.name())) continue;
                try {
                    OpScript script = Translator.translate(m, s);
                    if (twin == null) {
                        jobs.add(new Job(f, m, s, script));
                    } else if (twin.scenarios.containsKey(s.name())) {
                        jobs.add(new Job(f, twin, twin.scenarios.get(s.name()), script));
                    } else {
                        refused.error(s.span(), "scenario " + s.name() + " has no twin of that name in " + against);
                    }
                } catch (ModelError e) {
                    for (Diagnostic d : e.diagnostics().all()) refused.error(d.span(), d.message());
                }
            }
        }
        if (refused.hasErrors()) {
            err.print(refused.render());
            return Main.BAD_INPUT;
        }
        if (wanted != null) {
            for (Job j : jobs) wanted.remove(j.scenario().name());
            if (!wanted.isEmpty()) return usage(err, "no scenario named " + String.join(", ", wanted) + " in " + root);
        }
        if (jobs.isEmpty()) return usage(err, "no scenario to run in " + root);
        return null;
    }
}
