package org.uffdcheck.diff;

import java.util.Arrays;

/**
 * Collapses each strongly connected set of internal steps into one state. The states of such a
 * set can reach one another unobserved, so they are branching bisimilar when divergence is not
 * told apart, and the collapsed state offers every observation any of them offers. That is the
 * divergence rule of the comparison: a cycle of internal steps that has a way out is taken to
 * leave it eventually (fair abstraction: a retry loop is no difference), and one with no way out
 * becomes a state with no edges, which user space cannot tell from a blocked or finished run.
 */
public final class InternalSccs {
    /** The collapsed state of each state of the input; the initial state's is 0. */
    public final int[] component;
    public final Lts quotient;

    private InternalSccs(int[] component, Lts quotient) {
        this.component = component;
        this.quotient = quotient;
    }

    public static InternalSccs of(Lts g) {
        int[] comp = tarjan(g);
        int count = renumberFromInitial(comp);
        return new InternalSccs(comp, quotient(g, comp, count));
    }

    /** Tarjan's algorithm over the internal edges, without recursion: component ids in comp. */
    private static int[] tarjan(Lts g) {
        int n = g.states;
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        boolean[] onStack = new boolean[n];
        int sp = 0;
        int[] callState = new int[n];
        int[] callEdge = new int[n];
        int next = 0;
        int comps = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            int depth = 0;
            callState[0] = root;
            callEdge[0] = g.offsets[root];
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int s = callState[depth];
                int e = callEdge[depth];
                if (e < g.offsets[s + 1]) {
                    callEdge[depth] = e + 1;
                    if (g.labels[e] != Lts.INTERNAL) continue;
                    int t = g.targets[e];
                    if (index[t] < 0) {
                        index[t] = low[t] = next++;
                        stack[sp++] = t;
                        onStack[t] = true;
                        depth++;
                        callState[depth] = t;
                        callEdge[depth] = g.offsets[t];
                    } else if (onStack[t]) {
                        low[s] = Math.min(low[s], index[t]);
                    }
                    continue;
                }
                if (low[s] == index[s]) {
                    int t;
                    do {
                        t = stack[--sp];
                        onStack[t] = false;
                        comp[t] = comps;
                    } while (t != s);
                    comps++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callState[depth];
                    low[parent] = Math.min(low[parent], low[s]);
                }
            }
        }
        return comp;
    }

    /** Swaps ids so that the initial state's component is 0; returns the number of components. */
    private static int renumberFromInitial(int[] comp) {
        int count = 0;
        for (int c : comp) count = Math.max(count, c + 1);
        int init = comp[0];
        if (init != 0) {
            for (int i = 0; i < comp.length; i++) {
                if (comp[i] == init) comp[i] = 0;
                else if (comp[i] == 0) comp[i] = init;
            }
        }
        return count;
    }

    /** One edge per distinct (label, target component); internal edges within a component dropped. */
    private static Lts quotient(Lts g, int[] comp, int count) {
        int[] memberStart = new int[count + 1];
        for (int c : comp) memberStart[c + 1]++;
        for (int c = 0; c < count; c++) memberStart[c + 1] += memberStart[c];
        int[] members = new int[g.states];
        int[] fill = Arrays.copyOf(memberStart, count);
        for (int s = 0; s < g.states; s++) members[fill[comp[s]]++] = s;
        int[] offsets = new int[count + 1];
        int[] targets = new int[g.edges()];
        int[] labels = new int[g.edges()];
        long[] row = new long[16];
        int m = 0;
        for (int c = 0; c < count; c++) {
            int k = 0;
            for (int i = memberStart[c]; i < memberStart[c + 1]; i++) {
                int s = members[i];
                for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                    int t = comp[g.targets[e]];
                    if (g.labels[e] == Lts.INTERNAL && t == c) continue;
                    if (k == row.length) row = Arrays.copyOf(row, 2 * k);
                    row[k++] = (long) g.labels[e] << 32 | t;
                }
            }
            Arrays.sort(row, 0, k);
            for (int i = 0; i < k; i++) {
                if (i > 0 && row[i] == row[i - 1]) continue;
                labels[m] = (int) (row[i] >>> 32);
                targets[m++] = (int) row[i];
            }
            offsets[c + 1] = m;
        }
        return new Lts(offsets, Arrays.copyOf(targets, m), Arrays.copyOf(labels, m));
    }
}
