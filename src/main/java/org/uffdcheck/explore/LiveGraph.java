package org.uffdcheck.explore;

/**
 * The explored graph as liveness needs it, in compressed rows: the successors of state s are
 * targets[offsets[s]] .. targets[offsets[s + 1] - 1], and movers[e] is the thread that moves along
 * edge e. State 0 is the initial state, and parents gives a shortest path to each state. A thread is enabled in a state when one of the state's
 * edges is its move; a state with no edge ends its runs, which stay there for ever.
 */
final class LiveGraph {
    /** Thread sets are int masks: a scenario starts at most 30 threads. */
    static final int MAX_THREADS = 31;

    /** parents[s] of a state no path from the initial state reaches. */
    static final int UNREACHED = -2;

    final int states;
    final int[] offsets;
    final int[] targets;
    final byte[] movers;
    /**
     * Per state, the edge a breadth-first search from the initial state first reached it by: a
     * shortest path back. -1 for the initial state, UNREACHED for a state it never reaches.
     */
    final int[] parents;

    /** A graph whose parents are found by a breadth-first search from state 0. */
    LiveGraph(int[] offsets, int[] targets, byte[] movers) {
        this(offsets, targets, movers, bfsParents(offsets, targets));
    }

    LiveGraph(int[] offsets, int[] targets, byte[] movers, int[] parents) {
        if (targets.length != movers.length || offsets[offsets.length - 1] != targets.length
                || parents.length != offsets.length - 1) {
            throw new IllegalArgumentException("edges and offsets disagree");
        }
        this.states = offsets.length - 1;
        this.offsets = offsets;
        this.targets = targets;
        this.movers = movers;
        this.parents = parents;
    }

    private static int[] bfsParents(int[] offsets, int[] targets) {
        int n = offsets.length - 1;
        int[] parents = new int[n];
        java.util.Arrays.fill(parents, UNREACHED);
        if (n == 0) return parents;
        int[] queue = new int[n];
        int tail = 0;
        parents[0] = -1;
        queue[tail++] = 0;
        for (int head = 0; head < tail; head++) {
            int s = queue[head];
            for (int e = offsets[s]; e < offsets[s + 1]; e++) {
                if (parents[targets[e]] != UNREACHED) continue;
                parents[targets[e]] = e;
                queue[tail++] = targets[e];
            }
        }
        return parents;
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
        return 8L * offsets.length + 5L * targets.length;
    }
}
