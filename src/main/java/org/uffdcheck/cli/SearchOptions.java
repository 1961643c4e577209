package org.uffdcheck.cli;

import org.uffdcheck.compile.Engine;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.state.BitStateSet;
import org.uffdcheck.state.MemoryBudget;
import picocli.CommandLine.Option;

/** Search options shared by check and test. */
final class SearchOptions {
    @Option(names = "--dfs", description = "Depth-first search (traces are not shortest).")
    boolean dfs;

    @Option(names = "--simulate", paramLabel = "N", description = "Run N random walks instead of an exhaustive search.")
    Long simulate;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of --simulate (default 1).")
    Long seed;

    @Option(names = "--max-states", paramLabel = "N", description = "Stop after N distinct states.")
    long maxStates;

    @Option(names = "--max-depth", paramLabel = "N", description = "Do not go deeper than N steps.")
    int maxDepth;

    @Option(names = "--time-limit", paramLabel = "S", description = "Stop after S seconds.")
    double timeLimit;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Memory budget of the whole process, such as 300M or 8G (default: the machine's memory "
                    + "less an eighth, at most four times the maximum heap); reaching it is a bound.")
    String maxMemory;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Threads of the breadth-first search (default ${DEFAULT-VALUE}); results do not depend on it.")
    int workers;

    @Option(names = "--bitstate", paramLabel = "BITS", arity = "0..1", fallbackValue = "32",
            description = "Bit-state (supertrace) search with a 2^BITS-bit array (default 32, i.e. 512 MiB): "
                    + "for state spaces beyond memory; incomplete, reports its estimated coverage.")
    Integer bitstate;

    @Option(names = "--all", description = "Keep going after a violation: one shortest counterexample per violated property.")
    boolean all;

    @Option(names = "--merge-local", description = "Reduction: run statements that touch only the thread's own "
            + "frame as part of the step before them (same verdicts, fewer states; traces skip them).")
    boolean mergeLocal;

    @Option(names = "--symmetry", description = "Reduction: store one representative for states that differ only "
            + "by swapping interchangeable threads (same procedure, same arguments) or objects of one pool "
            + "(same verdicts and trace lengths, fewer states; traces show the model's own run).")
    boolean symmetry;

    @Option(names = "--fairness", paramLabel = "MODE",
            description = "Which runs count for eventually and leadsto properties: weak (a thread that stays able to move "
                    + "moves; the default, or the scenario's fairness line), strong (a thread able to move again and "
                    + "again moves) or none.")
    String fairness;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "How steps run: interp (the interpreter, the reference; the default) or compiled (bytecode "
                    + "generated for the scenario when it is loaded); both give the same states in the same order.")
    String engine;

    /** The --engine given, or the default. */
    Engine engine() { return engine == null ? Engine.DEFAULT : Engine.parse(engine); }

    /** The --fairness given, or null to let each scenario say. */
    Fairness fairness() { return fairness == null ? null : Fairness.parse(fairness); }

    Reductions reductions() { return new Reductions(mergeLocal, symmetry); }

    ExploreOptions toOptions() {
        ExploreOptions o = ExploreOptions.defaults();
        if (simulate != null) o = o.withMode(ExploreOptions.Mode.SIMULATE).withSimulation(simulate, seed == null ? 1 : seed);
        else if (dfs) o = o.withMode(ExploreOptions.Mode.DFS);
        if (bitstate != null) o = o.withBitstate(bitstate);
        if (maxMemory != null) o = o.withMaxMemory(MemoryBudget.parseSize(maxMemory));
        return o.withMaxStates(maxStates).withMaxDepth(maxDepth).withTimeLimit(timeLimit).withWorkers(workers).withAll(all);
    }

    /** A usage mistake, or null. */
    String problem() {
        if (dfs && simulate != null) return "--dfs and --simulate exclude each other";
        if (engine != null && Engine.parse(engine) == null) return "--engine must be interp or compiled, got '" + engine + "'";
        if (fairness != null && Fairness.parse(fairness) == null) {
            return "--fairness must be none, weak or strong, got '" + fairness + "'";
        }
        if (simulate != null && simulate < 1) return "--simulate N needs at least one walk, got " + simulate;
        if (seed != null && simulate == null) return "--seed is the seed of --simulate, which is not given";
        if (maxStates < 0 || maxDepth < 0 || timeLimit < 0) return "bounds must not be negative";
        if (workers < 1 || workers > ExploreOptions.MAX_WORKERS) {
            return "--workers must be between 1 and " + ExploreOptions.MAX_WORKERS;
        }
        if (bitstate != null && (bitstate < 6 || bitstate > 40)) return "--bitstate BITS must be between 6 and 40";
        if (bitstate != null && simulate != null) return "--bitstate and --simulate exclude each other";
        String memory = memoryProblem(maxMemory);
        if (memory != null) return memory;
        if (bitstate != null) return bitstateProblem(bitstate, maxMemory);
        return null;
    }

    /** A --max-memory value that is not a size, or is too small to run in; null if fine (or absent). */
    static String memoryProblem(String maxMemory) {
        if (maxMemory == null) return null;
        try {
            long bytes = MemoryBudget.parseSize(maxMemory);
            if (bytes < MemoryBudget.MINIMUM) {
                return "--max-memory " + maxMemory + " is too small: the budget must be at least "
                        + MemoryBudget.format(MemoryBudget.MINIMUM);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "--max-memory: " + e.getMessage();
        }
    }

    /**
     * A bit-state array larger than the memory budget leaves: refused before the search, naming the
     * largest size that fits, rather than found out by an allocation. maxMemory is already valid.
     */
    static String bitstateProblem(int bits, String maxMemory) {
        MemoryBudget budget = MemoryBudget.ofProcess(maxMemory == null ? 0 : MemoryBudget.parseSize(maxMemory));
        if (budget.fits(BitStateSet.bytesFor(bits))) return null;
        long left = budget.limit() - budget.inUse();
        int fits = bits;
        while (fits > 6 && BitStateSet.bytesFor(fits) > left) fits--;
        String room = BitStateSet.bytesFor(fits) <= left ? "use --bitstate " + fits + " or less, or " : "";
        return "--bitstate " + bits + " needs " + MemoryBudget.format(BitStateSet.bytesFor(bits))
                + ", more than the memory budget of " + MemoryBudget.format(budget.limit()) + " leaves ("
                + MemoryBudget.format(budget.inUse()) + " in use); " + room + "raise --max-memory";
    }
}
