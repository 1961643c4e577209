package org.uffdcheck.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two collapsed systems both ways, breadth first over pairs of macrostates reached by
 * the same observable trace. At each pair it asks whether one side can observe something next
 * that the other cannot (trace inclusion fails one way), and whether one side can come to rest
 * offering less than every resting state of the other offers (stable failures: one side can
 * refuse for ever what the other always offers; a side that ends or blocks offers nothing). The
 * traces of one breadth-first layer all have the same length, so the first difference found
 * follows a shortest common trace; within that layer a trace difference is reported before a
 * refusal, because it says more.
 */
public final class Comparison {
    private final Macrostates[] sides;
    private final long maxPairs;
    private final int maxDepth;
    private final Map<Long, Integer> pairIds = new HashMap<>();
    private int[] pairA = new int[64];
    private int[] pairB = new int[64];
    private int[] parent = new int[64];
    private int[] via = new int[64];
    private int[] depth = new int[64];
    private int pairs;

    private Comparison(Lts a, Lts b, long maxPairs, int maxDepth) {
        this.sides = new Macrostates[] {new Macrostates(a), new Macrostates(b)};
        this.maxPairs = maxPairs;
        this.maxDepth = maxDepth;
    }

    /** a and b have no cycle of internal steps (InternalSccs.quotient); 0 means no limit. */
    public static Outcome compare(Lts a, Lts b, long maxPairs, int maxDepth) {
        return new Comparison(a, b, maxPairs, maxDepth).run();
    }

    private Outcome run() {
        add(sides[0].initial(), sides[1].initial(), -1, 0);
        Difference refusal = null;
        int refusalDepth = -1;
        boolean cut = false;
        int deepest = 0;
        for (int p = 0; p < pairs; p++) {
            int d = depth[p];
            deepest = Math.max(deepest, d);
            if (refusal != null && d > refusalDepth) return found(refusal, deepest);
            int a = pairA[p];
            int b = pairB[p];
            int[] next = sides[0].next(a);
            Difference diff = traceDifference(p, next, sides[1].next(b));
            if (diff != null) return found(diff, deepest);
            if (refusal == null) {
                refusal = refusalDifference(p, 0);
                if (refusal == null) refusal = refusalDifference(p, 1);
                refusalDepth = d;
            }
            if (refusal != null) continue;
            if (maxDepth > 0 && d >= maxDepth) {
                cut = true;
                continue;
            }
            for (int label : next) {
                if (!add(sides[0].after(a, label), sides[1].after(b, label), p, label)) {
                    return outcome(Outcome.Status.BOUND, null, deepest, "more than " + maxPairs + " macrostate pairs");
                }
            }
        }
        if (refusal != null) return found(refusal, deepest);
        if (cut) return outcome(Outcome.Status.BOUND, null, deepest, "observable traces longer than " + maxDepth);
        return outcome(Outcome.Status.SAME, null, deepest, null);
    }

    private Outcome found(Difference d, int deepest) {
        return outcome(Outcome.Status.DIFFERENT, d, deepest, null);
    }

    private Outcome outcome(Outcome.Status s, Difference d, int deepest, String bound) {
        return new Outcome(s, d, pairs, (long) sides[0].count() + sides[1].count(), deepest, bound);
    }

    /** The first observation, in label order, that one side offers after the pair's trace and the other does not. */
    private Difference traceDifference(int p, int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) return traceOnly(p, 0, a[i], b);
            if (i == a.length || b[j] < a[i]) return traceOnly(p, 1, b[j], a);
            i++;
            j++;
        }
        return null;
    }

    private Difference traceOnly(int p, int side, int label, int[] otherNext) {
        return new Difference(Difference.Kind.TRACE, side, trace(p), label, -1, new int[0], otherNext, List.of());
    }

    /** A resting state of side whose offer holds no resting offer of the other side, if there is one. */
    private Difference refusalDifference(int p, int side) {
        Macrostates mine = sides[side];
        Macrostates theirs = sides[1 - side];
        int m = side == 0 ? pairA[p] : pairB[p];
        int o = side == 0 ? pairB[p] : pairA[p];
        List<int[]> others = new ArrayList<>();
        for (int r : theirs.members(o)) if (theirs.rests(r)) others.add(theirs.offer(r));
        for (int s : mine.members(m)) {
            if (!mine.rests(s)) continue;
            int[] offer = mine.offer(s);
            boolean matched = false;
            for (int[] other : others) matched |= subset(other, offer);
            if (!matched) {
                return new Difference(Difference.Kind.REFUSAL, side, trace(p), 0, s, offer, theirs.next(o), least(others));
            }
        }
        return null;
    }

    /** The offers no other offer is strictly inside, each once. */
    private static List<int[]> least(List<int[]> offers) {
        List<int[]> out = new ArrayList<>();
        for (int[] x : offers) {
            boolean minimal = true;
            for (int[] y : offers) minimal &= !(subset(y, x) && y.length < x.length);
            for (int[] y : out) minimal &= !Arrays.equals(x, y);
            if (minimal) out.add(x);
        }
        return out;
    }

    /** Both sorted. */
    static boolean subset(int[] small, int[] big) {
        int j = 0;
        for (int x : small) {
            while (j < big.length && big[j] < x) j++;
            if (j == big.length || big[j] != x) return false;
            j++;
        }
        return true;
    }

    private int[] trace(int p) {
        int[] out = new int[depth[p]];
        for (int q = p; parent[q] >= 0; q = parent[q]) out[depth[q] - 1] = via[q];
        return out;
    }

    /** False when the pair is new and over the limit. */
    private boolean add(int a, int b, int from, int label) {
        long key = (long) a << 32 | b;
        if (pairIds.containsKey(key)) return true;
        if (maxPairs > 0 && pairs >= maxPairs) return false;
        if (pairs == pairA.length) {
            int n = 2 * pairs;
            pairA = Arrays.copyOf(pairA, n);
            pairB = Arrays.copyOf(pairB, n);
            parent = Arrays.copyOf(parent, n);
            via = Arrays.copyOf(via, n);
            depth = Arrays.copyOf(depth, n);
        }
        pairIds.put(key, pairs);
        pairA[pairs] = a;
        pairB[pairs] = b;
        parent[pairs] = from;
        via[pairs] = label;
        depth[pairs] = from < 0 ? 0 : depth[from] + 1;
        pairs++;
        return true;
    }
}
