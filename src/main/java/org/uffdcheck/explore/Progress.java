package org.uffdcheck.explore;

/**
 * A snapshot of a running search, safe to read from another thread. memory is what the process
 * uses now, counted as the memory budget counts it, and memoryLimit that budget.
 */
public record Progress(long states, long transitions, int depth, long queued, double seconds, long memory,
                       long memoryLimit) {
    /** Depth from which a frontier that stays small suggests a state space without end. */
    static final int DEEP = 10_000;
    /** A frontier (queue or stack) this small, and this few states per level on average, is "tiny". */
    static final int SMALL_FRONTIER = 1_000;
    static final int FEW_PER_LEVEL = 100;

    /**
     * True when the search is deep and narrow: thousands of levels of a few states each, as a
     * counter that only ever grows gives. Not a proof (a long but finite chain looks the same
     * until it ends), so it is a warning only.
     */
    public boolean looksUnbounded() {
        return depth >= DEEP && queued <= SMALL_FRONTIER && states <= (long) FEW_PER_LEVEL * depth;
    }
}
