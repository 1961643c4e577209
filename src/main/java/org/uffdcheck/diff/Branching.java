package org.uffdcheck.diff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Branching bisimulation minimisation (divergence not told apart) of a system with no cycle of
 * internal steps, by signature refinement: a state's signature is what it can do that changes its
 * class (an observation, or an internal step into another class), together with the signatures of
 * the states it reaches by internal steps inside its own class. States keep apart while their
 * signatures differ; when no class splits, each class is one state. Within a class internal steps
 * lead nowhere new, so traces and the offers of resting states survive the quotient: on a system
 * without internal cycles every resting state has a resting twin in each equivalent state's
 * future, with the same offer.
 */
public final class Branching {
    /** The class of each state of the input; the initial state's is 0. */
    public final int[] block;
    public final Lts quotient;

    private Branching(int[] block, Lts quotient) {
        this.block = block;
        this.quotient = quotient;
    }

    /** g has no cycle of internal steps (an InternalSccs quotient). */
    public static Branching of(Lts g) {
        int[] order = internalTopologicalOrder(g);
        int[] block = new int[g.states];
        int blocks = 1;
        while (true) {
            int[] next = refine(g, order, block);
            int count = 0;
            for (int b : next) count = Math.max(count, b + 1);
            block = next;
            if (count == blocks) break;
            blocks = count;
        }
        renumberFromInitial(block);
        InternalSccs q = quotient(g, block, blocks);
        for (int i = 0; i < block.length; i++) block[i] = q.component[block[i]];
        return new Branching(block, q.quotient);
    }

    /** One round: the new class of each state, numbered by (old class, signature). */
    private static int[] refine(Lts g, int[] order, int[] block) {
        long[][] sig = new long[g.states][];
        Map<Key, Integer> ids = new HashMap<>();
        int[] next = new int[g.states];
        // order lists each state after every state its internal edges reach.
        for (int s : order) {
            long[] own = new long[8];
            int k = 0;
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                int t = g.targets[e];
                if (g.labels[e] == Lts.INTERNAL && block[t] == block[s]) {
                    for (long x : sig[t]) own = push(own, k++, x);
                } else {
                    own = push(own, k++, (long) g.labels[e] << 32 | block[t]);
                }
            }
            sig[s] = sortedDistinct(own, k);
            Key key = new Key(block[s], sig[s]);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            next[s] = id;
        }
        return next;
    }

    /** States ordered so that the targets of a state's internal edges come before it (Kahn, on the reversed edges). */
    private static int[] internalTopologicalOrder(Lts g) {
        int n = g.states;
        int[] pending = new int[n];
        int[] predStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (g.labels[e] != Lts.INTERNAL) continue;
                pending[s]++;
                predStart[g.targets[e] + 1]++;
            }
        }
        for (int t = 0; t < n; t++) predStart[t + 1] += predStart[t];
        int[] preds = new int[predStart[n]];
        int[] fill = Arrays.copyOf(predStart, n);
        for (int s = 0; s < n; s++) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (g.labels[e] == Lts.INTERNAL) preds[fill[g.targets[e]]++] = s;
            }
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) if (pending[s] == 0) order[tail++] = s;
        while (head < tail) {
            int t = order[head++];
            for (int i = predStart[t]; i < predStart[t + 1]; i++) if (--pending[preds[i]] == 0) order[tail++] = preds[i];
        }
        if (tail != n) throw new IllegalArgumentException("a cycle of internal steps: collapse it first");
        return order;
    }

    private static void renumberFromInitial(int[] block) {
        int init = block[0];
        if (init == 0) return;
        for (int i = 0; i < block.length; i++) {
            if (block[i] == init) block[i] = 0;
            else if (block[i] == 0) block[i] = init;
        }
    }

    /** Edges between classes, each once; internal steps inside a class dropped. */
    private static InternalSccs quotient(Lts g, int[] block, int blocks) {
        int[] from = new int[g.edges()];
        int[] to = new int[g.edges()];
        int[] label = new int[g.edges()];
        int k = 0;
        for (int s = 0; s < g.states; s++) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                int t = block[g.targets[e]];
                if (g.labels[e] == Lts.INTERNAL && t == block[s]) continue;
                from[k] = block[s];
                to[k] = t;
                label[k++] = g.labels[e];
            }
        }
        // Lts.of keeps duplicates; the collapse drops them, and merges any cycle of internal steps
        // between classes (its states can reach one another unobserved, so they are equivalent too).
        return InternalSccs.of(Lts.of(blocks, from, to, label, k));
    }

    private static long[] sortedDistinct(long[] a, int n) {
        long[] out = Arrays.copyOf(a, n);
        Arrays.sort(out);
        int k = 0;
        for (int i = 0; i < n; i++) if (k == 0 || out[k - 1] != out[i]) out[k++] = out[i];
        return Arrays.copyOf(out, k);
    }

    private static long[] push(long[] a, int i, long v) {
        if (i == a.length) a = Arrays.copyOf(a, 2 * i);
        a[i] = v;
        return a;
    }

    private record Key(int block, long[] sig) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && block == k.block && Arrays.equals(sig, k.sig);
        }

        @Override
        public int hashCode() {
            return 31 * block + Arrays.hashCode(sig);
        }
    }
}
