package org.uffdcheck.explore;

/**
 * The explored graph as liveness needs it, in compressed rows: the successors of state s are
 * targets[offsets[s]] .. targets[offsets[s + 1] - 1], and movers[e] is the thread that moves along
 * edge e. State 0 is the initial state. A thread is enabled in a state when one of the state's
 * edges is its move; a state with no edge ends its runs, which stay there for ever.
 */
final class LiveGraph {
    /** Thread sets are int masks: a scenario starts at most 30 threads. */
    static final int MAX_THREADS = 31;

    final int states;
    final int[] offsets;
    final int[] targets;
    final byte[] movers;

    LiveGraph(int[] offsets, int[] targets, byte[] movers) {
        if (targets.length != movers.length || offsets[offsets.length - 1] != targets.length) {
            throw new IllegalArgumentException("edges and offsets disagree");
        }
        this.states = offsets.length - 1;
        this.offsets = offsets;
        this.targets = targets;
        this.movers = movers;
    }

    /** The threads that can move in state s, as a mask. */
    int enabled(int s) {
        int mask = 0;
        for (int e = offsets[s]; e < offsets[s + 1]; e++) mask |= 1 << movers[e];
        return mask;
    }

    boolean ends(int s) {
        return offsets[s] == offsets[s + 1];
    }

    /** The state edge e leaves, by binary search: traces need it rarely, so no array keeps it. */
    int source(int e) {
        int lo = 0;
        int hi = states - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= e) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    long bytes() {
        return 4L * offsets.length + 5L * targets.length;
    }
}
