package org.uffdcheck.engine;

/**
 * How to search. Zero means "no limit" for maxStates, maxDepth and timeLimitSeconds; for a
 * simulation a zero maxDepth means {@link #DEFAULT_WALK_LENGTH} steps per walk.
 *
 * <p>workers is the number of threads of a breadth-first search (results do not depend on it).
 * all keeps searching after a violation and reports one shortest trace per violated property.
 * bitstateBits, when not zero, replaces the exhaustive visited set by a 2^bitstateBits-bit
 * bit-state array: far less memory, but the search may miss states and says so. maxMemory is the
 * memory budget of the process in bytes (see MemoryBudget), 0 for the default one.
 */
public record ExploreOptions(
        Mode mode,
        long maxStates,
        int maxDepth,
        double timeLimitSeconds,
        long simulateRuns,
        long seed,
        double progressSeconds,
        int workers,
        boolean all,
        int bitstateBits,
        long maxMemory) {

    public enum Mode { BFS, DFS, SIMULATE }

    public static final int DEFAULT_WALK_LENGTH = 10_000;
    public static final int MAX_WORKERS = 256;

    public ExploreOptions {
        if (mode == null) throw new IllegalArgumentException("mode is null");
        if (maxStates < 0) throw new IllegalArgumentException("maxStates " + maxStates);
        if (maxDepth < 0) throw new IllegalArgumentException("maxDepth " + maxDepth);
        if (timeLimitSeconds < 0) throw new IllegalArgumentException("timeLimitSeconds " + timeLimitSeconds);
        if (simulateRuns < 0) throw new IllegalArgumentException("simulateRuns " + simulateRuns);
        if (progressSeconds < 0) throw new IllegalArgumentException("progressSeconds " + progressSeconds);
        if (workers < 1 || workers > MAX_WORKERS) throw new IllegalArgumentException("workers " + workers);
        if (bitstateBits != 0 && (bitstateBits < 6 || bitstateBits > 40)) {
            throw new IllegalArgumentException("bitstateBits " + bitstateBits + " (6..40, or 0 for off)");
        }
        if (maxMemory < 0) throw new IllegalArgumentException("maxMemory " + maxMemory);
    }

    /** The options before workers, all and bit-state existed. */
    public ExploreOptions(Mode mode, long maxStates, int maxDepth, double timeLimitSeconds, long simulateRuns,
                          long seed, double progressSeconds) {
        this(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds, 1, false, 0, 0);
    }

    public static ExploreOptions defaults() {
        return new ExploreOptions(Mode.BFS, 0, 0, 0, 1000, 1, 3.0, 1, false, 0, 0);
    }

    public ExploreOptions withMode(Mode m) {
        return new ExploreOptions(m, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                workers, all, bitstateBits, maxMemory);
    }

    public ExploreOptions withMaxStates(long n) {
        return new ExploreOptions(mode, n, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                workers, all, bitstateBits, maxMemory);
    }

    public ExploreOptions withMaxDepth(int d) {
        return new ExploreOptions(mode, maxStates, d, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                workers, all, bitstateBits, maxMemory);
    }

    public ExploreOptions withTimeLimit(double seconds) {
        return new ExploreOptions(mode, maxStates, maxDepth, seconds, simulateRuns, seed, progressSeconds,
                workers, all, bitstateBits, maxMemory);
    }

    public ExploreOptions withSimulation(long runs, long seed) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, runs, seed, progressSeconds,
                workers, all, bitstateBits, maxMemory);
    }

    public ExploreOptions withProgressSeconds(double seconds) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, seconds,
                workers, all, bitstateBits, maxMemory);
    }

    public ExploreOptions withWorkers(int n) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                n, all, bitstateBits, maxMemory);
    }

    /** Keep going after a violation: one shortest trace per violated property. */
    public ExploreOptions withAll(boolean a) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                workers, a, bitstateBits, maxMemory);
    }

    /** Bit-state search with a 2^bits-bit array; 0 turns it off. */
    public ExploreOptions withBitstate(int bits) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                workers, all, bits, maxMemory);
    }

    /** The memory budget in bytes; 0 for the default derived from the machine and the heap. */
    public ExploreOptions withMaxMemory(long bytes) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds,
                workers, all, bitstateBits, bytes);
    }

    public boolean bitstate() {
        return bitstateBits != 0;
    }

    /** Steps per random walk. */
    public int walkLength() {
        return maxDepth > 0 ? maxDepth : DEFAULT_WALK_LENGTH;
    }
}
