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
        exitCodeList = {"0:the series ran", "2:bad usage, or a bench model that does not load"})
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        out.printf(Locale.ROOT, "uffdcheck bench: %d worker%s, %d cores, max heap %s, Java %s%n", workers,
                workers == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(),
                mib(Runtime.getRuntime().maxMemory()), System.getProperty("java.version"));
        String fmt = "%-14s %14s %15s %6s %9s %12s %8s %10s %10s  %s%n";
        out.printf(Locale.ROOT, fmt, "scenario", "states", "transitions", "depth", "seconds", "states/s",
                "B/state", "peak heap", "peak RSS", "verdict");
        out.flush();
        for (BenchSeries.Scenario s : BenchSeries.all()) {
            if (only != null ? !only.contains(s.name()) : quick && !s.quick() || s.large() && !large) continue;
            ExploreResult r;
            try {
                r = run(s, opts);
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                err.println("uffdcheck: bench scenario " + s.name() + " does not load; run bench from the project's top "
                        + "directory or give --models DIR");
                return Main.BAD_INPUT;
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
