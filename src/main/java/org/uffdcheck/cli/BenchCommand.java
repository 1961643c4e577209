package org.uffdcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.state.MemoryBudget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** uffdcheck bench: explores a fixed series of scenarios of growing size and prints what each cost. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Explore a fixed series of fork/munmap/monitor scenarios of growing size and print "
                + "states, transitions, depth, time, states/s, bytes per state, peak heap and peak RSS.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the series ran (or, for --vs-spin, SPIN is not installed)", "2:bad usage, spin or cc failing, or a bench model that does not load"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Only the small scenarios (seconds in all).")
    boolean quick;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Threads of the search (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Run only the scenarios of these names (comma-separated).")
    java.util.List<String> only;

    @Option(names = "--large", description = "Also run the large scenario (about 10^8 states: minutes, a few GB).")
    boolean large;

    @Option(names = "--bitstate", paramLabel = "BITS", arity = "0..1", fallbackValue = "32",
            description = "Bit-state search with a 2^BITS-bit array.")
    Integer bitstate;

    @Option(names = "--max-memory", paramLabel = "SIZE", description = "Memory budget of the process, such as 8G.")
    String maxMemory;

    @Option(names = "--symmetry", description = "Run every scenario with the symmetry reduction.")
    boolean symmetry;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Where the models are; the series is DIR/bench (default: ${DEFAULT-VALUE}, run from the project's top).")
    Path models;

    @Option(names = "--vs-spin", description = "Run the protocol rows also with SPIN on their Promela twin "
            + "(bench/protocol.pml; needs spin and a C compiler) and print both rates and their ratio.")
    boolean vsSpin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where spin and cc are looked for; tests point it elsewhere. */
    String searchPath = System.getenv("PATH");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (workers < 1 || workers > ExploreOptions.MAX_WORKERS) {
            err.println("uffdcheck: --workers must be between 1 and " + ExploreOptions.MAX_WORKERS);
            return Main.BAD_INPUT;
        }
        if (quick && large) {
            err.println("uffdcheck: --quick and --large exclude each other");
            return Main.BAD_INPUT;
        }
        if (only != null) {
            java.util.Set<String> known = new java.util.HashSet<>();
            for (BenchSeries.Scenario s : BenchSeries.all()) known.add(s.name());
            for (String name : only) {
                if (!known.contains(name)) {
                    err.println("uffdcheck: no bench scenario named '" + name + "'");
                    return Main.BAD_INPUT;
                }
            }
        }
        String memory = SearchOptions.memoryProblem(maxMemory);
        if (memory == null && bitstate != null) {
            memory = bitstate < 6 || bitstate > 40 ? "--bitstate BITS must be between 6 and 40"
                    : SearchOptions.bitstateProblem(bitstate, maxMemory);
        }
        if (memory != null) {
            err.println("uffdcheck: " + memory);
            return Main.BAD_INPUT;
        }
        ExploreOptions opts = ExploreOptions.defaults().withWorkers(workers).withProgressSeconds(0);
        if (bitstate != null) opts = opts.withBitstate(bitstate);
        if (maxMemory != null) opts = opts.withMaxMemory(MemoryBudget.parseSize(maxMemory));
        if (vsSpin) return versusSpin(opts, out, err);
        out.printf(Locale.ROOT, "uffdcheck bench: %d worker%s, %d cores, max heap %s, Java %s%n", workers,
                workers == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(),
                mib(Runtime.getRuntime().maxMemory()), System.getProperty("java.version"));
        String fmt = "%-14s %14s %15s %6s %9s %12s %8s %10s %10s  %s%n";
        out.printf(Locale.ROOT, fmt, "scenario", "states", "transitions", "depth", "seconds", "states/s",
                "B/state", "peak heap", "peak RSS", "verdict");
        out.flush();
        for (BenchSeries.Scenario s : BenchSeries.all()) {
            if (!selected(s)) continue;
            ExploreResult r;
            try {
                r = run(s, opts);
            } catch (ModelError e) {
                return loadFailed(s, e, err);
            }
            Stats st = r.stats();
            out.printf(Locale.ROOT, fmt, s.name(), String.format(Locale.ROOT, "%,d", st.states()),
                    String.format(Locale.ROOT, "%,d", st.transitions()), st.depth(),
                    String.format(Locale.ROOT, "%.2f", st.seconds()),
                    String.format(Locale.ROOT, "%,.0f", st.statesPerSecond()),
                    String.format(Locale.ROOT, "%.1f", st.bytesPerState()), mib(peakHeap()), mib(peakRss()),
                    ModelRunner.verdict(r));
            out.flush();
        }
        return Main.HOLDS;
    }

    private boolean selected(BenchSeries.Scenario s) {
        return only != null ? only.contains(s.name()) : !(quick && !s.quick() || s.large() && !large);
    }

    /**
     * The protocol rows side by side with SPIN's exact search of their Promela twin. A rate ratio
     * means something only where both stored the same states, so it is printed only there.
     */
    private int versusSpin(ExploreOptions opts, PrintWriter out, PrintWriter err) {
        if (bitstate != null || symmetry) {
            err.println("uffdcheck: --vs-spin compares exact searches without reductions; drop --bitstate and --symmetry");
            return Main.BAD_INPUT;
        }
        java.util.List<BenchSeries.Scenario> rows = new java.util.ArrayList<>();
        for (BenchSeries.Scenario s : BenchSeries.all()) {
            if (!selected(s)) continue;
            if (SpinTwin.defines(s.name()) != null) rows.add(s);
            else if (only != null) {
                err.println("uffdcheck: bench row " + s.name() + " has no Promela twin; --vs-spin runs the f*-u*-m*-p* rows");
                return Main.BAD_INPUT;
            }
        }
        SpinTwin spin;
        try {
            spin = SpinTwin.find(searchPath);
        } catch (SpinTwin.Failure e) {
            err.println("uffdcheck: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (spin == null) {
            out.println("uffdcheck bench --vs-spin: spin is not installed (Debian package spin); skipping the comparison");
            return Main.HOLDS;
        }
        Path twin = models.resolve("bench").resolve("protocol.pml");
        Path top = models.toAbsolutePath().normalize().getParent();
        Path work = (top != null ? top : Path.of(System.getProperty("java.io.tmpdir"))).resolve("target").resolve("spin");
        out.printf(Locale.ROOT, "uffdcheck bench --vs-spin: uffdcheck with %d worker%s, SPIN (%s) exact DFS, "
                + "pan built with cc -O2 -DNOREDUCE -DSAFETY; %d cores%n", workers, workers == 1 ? "" : "s", spin.spin,
                Runtime.getRuntime().availableProcessors());
        String fmt = "%-14s %14s %14s %6s %9s %9s %12s %12s %6s%n";
        out.printf(Locale.ROOT, fmt, "row", "uffdcheck", "SPIN", "equal", "u. s", "SPIN s", "u. states/s",
                "SPIN st./s", "ratio");
        out.flush();
        int unequal = 0;
        for (BenchSeries.Scenario s : rows) {
            Stats u;
            try {
                u = run(s, opts).stats();
            } catch (ModelError e) {
                return loadFailed(s, e, err);
            }
            SpinTwin.Result p;
            try {
                p = spin.run(twin, s.name(), work, u.states());
            } catch (SpinTwin.Failure e) {
                err.println("uffdcheck: bench row " + s.name() + " with SPIN: " + e.getMessage());
                return Main.BAD_INPUT;
            }
            boolean equal = u.states() == p.states();
            if (!equal) unequal++;
            String ratio = equal && u.statesPerSecond() > 0 && p.statesPerSecond() > 0
                    ? String.format(Locale.ROOT, "%.2f", u.statesPerSecond() / p.statesPerSecond()) : "-";
            out.printf(Locale.ROOT, fmt, s.name(), String.format(Locale.ROOT, "%,d", u.states()),
                    String.format(Locale.ROOT, "%,d", p.states()), equal ? "yes" : "NO",
                    String.format(Locale.ROOT, "%.2f", u.seconds()), String.format(Locale.ROOT, "%.2f", p.seconds()),
                    rate(u.statesPerSecond()), rate(p.statesPerSecond()), ratio);
            out.flush();
        }
        out.println("ratio: uffdcheck's states/s over SPIN's, only where both stored the same number of states "
                + "and both timed their search (\"-\" otherwise)");
        if (unequal > 0) out.println("the counts differ on " + unequal + " row(s): the twin does not match there");
        return Main.HOLDS;
    }

    private static int loadFailed(BenchSeries.Scenario s, ModelError e, PrintWriter err) {
        err.print(e.diagnostics().render());
        err.println("uffdcheck: bench scenario " + s.name() + " does not load; run bench from the project's top "
                + "directory or give --models DIR");
        return Main.BAD_INPUT;
    }

    private static String rate(double perSecond) {
        return perSecond > 0 ? String.format(Locale.ROOT, "%,.0f", perSecond) : "-";
    }

    private ExploreResult run(BenchSeries.Scenario s, ExploreOptions opts) {
        // The rows include their family and the kernel models from the models tree, wherever it is.
        CheckedModel model = ModelRunner.load(s.modelFile(models), java.util.List.of(models));
        ScenarioInfo info = model.scenarios.values().iterator().next();
        System.gc();
        resetPeaks();
        return ModelRunner.prepare(model, info, opts, null, new Reductions(false, symmetry)).go();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        try {
            // Linux: writing 5 resets the peak resident set size (VmHWM) of the process.
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not allowed: the peak is then since the start of the process.
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** VmHWM from /proc/self/status, or -1 where there is none. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return -1;
    }

    private static String mib(long bytes) {
        if (bytes < 0) return "-";
        return String.format(Locale.ROOT, "%,d MiB", (bytes + (1 << 19)) >> 20);
    }
}
