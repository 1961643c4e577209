package org.uffdcheck.diff;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A run of the uncompressed system that shows a trace: breadth first over (state, how much of
 * the trace is observed), so the run has as few steps as any run with those observations.
 */
public final class Runs {
    private Runs() {}

    /**
     * A run from the initial state whose observations are trace. states[i] is the state before
     * step i, which is its state's successors[i]-th edge (so the step regenerates from the
     * system's stepper), and states has one more entry, the last state, which end accepts.
     * Null if no run does.
     */
    public record Run(int[] states, int[] successors) {}

    public static Run find(Lts g, int[] trace, java.util.function.IntPredicate end) {
        int len = trace.length;
        Map<Long, Long> parent = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        long start = node(0, 0, len);
        parent.put(start, -1L);
        queue.add(start);
        while (!queue.isEmpty()) {
            long n = queue.poll();
            int s = (int) (n / (len + 1));
            int i = (int) (n % (len + 1));
            if (i == len && end.test(s)) return rebuild(parent, n, len);
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                int label = g.labels[e];
                int j;
                if (label == Lts.INTERNAL) j = i;
                else if (i < len && label == trace[i]) j = i + 1;
                else continue;
                long m = node(g.targets[e], j, len);
                if (parent.containsKey(m)) continue;
                parent.put(m, n * MAX_OUT + (e - g.offsets[s]));
                queue.add(m);
            }
        }
        return null;
    }

    /** Successors per state, which a parent entry packs beside its node. */
    private static final long MAX_OUT = 1L << 20;

    private static long node(int s, int i, int len) {
        return (long) s * (len + 1) + i;
    }

    private static Run rebuild(Map<Long, Long> parent, long end, int len) {
        java.util.List<long[]> back = new java.util.ArrayList<>();
        long n = end;
        while (true) {
            long p = parent.get(n);
            if (p < 0) break;
            back.add(new long[] {p / MAX_OUT, p % MAX_OUT});
            n = p / MAX_OUT;
        }
        int k = back.size();
        int[] states = new int[k + 1];
        int[] steps = new int[k];
        states[k] = (int) (end / (len + 1));
        for (int i = 0; i < k; i++) {
            long[] b = back.get(k - 1 - i);
            states[i] = (int) (b[0] / (len + 1));
            steps[i] = (int) b[1];
        }
        return new Run(states, steps);
    }
}
