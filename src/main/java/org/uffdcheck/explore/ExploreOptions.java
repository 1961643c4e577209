package org.uffdcheck.explore;

/**
 * How to search. Zero means "no limit" for maxStates, maxDepth and timeLimitSeconds; for a
 * simulation a zero maxDepth means {@link #DEFAULT_WALK_LENGTH} steps per walk.
 */
public record ExploreOptions(
        Mode mode,
        long maxStates,
        int maxDepth,
        double timeLimitSeconds,
        long simulateRuns,
        long seed,
        double progressSeconds) {

    public enum Mode { BFS, DFS, SIMULATE }

    public static final int DEFAULT_WALK_LENGTH = 10_000;

    public ExploreOptions {
        if (mode == null) throw new IllegalArgumentException("mode is null");
        if (maxStates < 0) throw new IllegalArgumentException("maxStates " + maxStates);
        if (maxDepth < 0) throw new IllegalArgumentException("maxDepth " + maxDepth);
        if (timeLimitSeconds < 0) throw new IllegalArgumentException("timeLimitSeconds " + timeLimitSeconds);
        if (simulateRuns < 0) throw new IllegalArgumentException("simulateRuns " + simulateRuns);
        if (progressSeconds < 0) throw new IllegalArgumentException("progressSeconds " + progressSeconds);
    }

    public static ExploreOptions defaults() {
        return new ExploreOptions(Mode.BFS, 0, 0, 0, 1000, 1, 3.0);
    }

    public ExploreOptions withMode(Mode m) {
        return new ExploreOptions(m, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds);
    }

    public ExploreOptions withMaxStates(long n) {
        return new ExploreOptions(mode, n, maxDepth, timeLimitSeconds, simulateRuns, seed, progressSeconds);
    }

    public ExploreOptions withMaxDepth(int d) {
        return new ExploreOptions(mode, maxStates, d, timeLimitSeconds, simulateRuns, seed, progressSeconds);
    }

    public ExploreOptions withTimeLimit(double seconds) {
        return new ExploreOptions(mode, maxStates, maxDepth, seconds, simulateRuns, seed, progressSeconds);
    }

    public ExploreOptions withSimulation(long runs, long seed) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, runs, seed, progressSeconds);
    }

    public ExploreOptions withProgressSeconds(double seconds) {
        return new ExploreOptions(mode, maxStates, maxDepth, timeLimitSeconds, simulateRuns, seed, seconds);
    }

    /** Steps per random walk. */
    public int walkLength() {
        return maxDepth > 0 ? maxDepth : DEFAULT_WALK_LENGTH;
    }
}
