package org.uffdcheck.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The comparison's meaning, by brute force on the uncollapsed system: every observable trace up
 * to a length, the states after it, and their refusals. A state rests when every state it can
 * reach by internal steps can reach it back (a cycle with no way out, or no internal step at
 * all), and it then offers every observation of those states. Shares no code with the algorithm.
 */
final class Reference {
    private final Lts g;
    private final BitSet[] reach;

    Reference(Lts g) {
        this.g = g;
        reach = new BitSet[g.states];
        for (int s = 0; s < g.states; s++) {
            reach[s] = new BitSet();
            reach[s].set(s);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int t = reach[s].nextSetBit(0); t >= 0; t = reach[s].nextSetBit(t + 1)) {
                    for (int e = g.offsets[t]; e < g.offsets[t + 1]; e++) {
                        if (g.labels[e] == 0 && !reach[s].get(g.targets[e])) {
                            reach[s].set(g.targets[e]);
                            grew = true;
                        }
                    }
                }
            }
        }
    }

    BitSet initial() {
        return (BitSet) reach[0].clone();
    }

    BitSet after(BitSet set, int label) {
        BitSet out = new BitSet();
        for (int s = set.nextSetBit(0); s >= 0; s = set.nextSetBit(s + 1)) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (g.labels[e] == label) out.or(reach[g.targets[e]]);
            }
        }
        return out;
    }

    BitSet after(int[] trace) {
        BitSet set = initial();
        for (int a : trace) set = after(set, a);
        return set;
    }

    TreeSet<Integer> next(BitSet set) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int s = set.nextSetBit(0); s >= 0; s = set.nextSetBit(s + 1)) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (g.labels[e] != 0) out.add(g.labels[e]);
        }
        return out;
    }

    boolean rests(int s) {
        for (int t = reach[s].nextSetBit(0); t >= 0; t = reach[s].nextSetBit(t + 1)) if (!reach[t].get(s)) return false;
        return true;
    }

    /** The offers of the resting states in set. */
    List<TreeSet<Integer>> offers(BitSet set) {
        List<TreeSet<Integer>> out = new ArrayList<>();
        for (int s = set.nextSetBit(0); s >= 0; s = set.nextSetBit(s + 1)) {
            if (rests(s)) out.add(next(reach[s]));
        }
        return out;
    }

    /** Whether the two differ right after a trace that reached sets a and b. */
    static boolean differAt(Reference ra, BitSet a, Reference rb, BitSet b) {
        if (!ra.next(a).equals(rb.next(b))) return true;
        return refuses(ra.offers(a), rb.offers(b)) || refuses(rb.offers(b), ra.offers(a));
    }

    /** Some offer of mine holds no offer of theirs. */
    static boolean refuses(List<TreeSet<Integer>> mine, List<TreeSet<Integer>> theirs) {
        for (TreeSet<Integer> m : mine) {
            boolean matched = false;
            for (TreeSet<Integer> t : theirs) matched |= m.containsAll(t);
            if (!matched) return true;
        }
        return false;
    }

    /** The length of a shortest common trace after which the two differ, or -1 if none up to max. */
    static int shortestDifference(Reference ra, Reference rb, int max) {
        List<BitSet[]> layer = new ArrayList<>();
        layer.add(new BitSet[] {ra.initial(), rb.initial()});
        for (int len = 0; len <= max; len++) {
            List<BitSet[]> nextLayer = new ArrayList<>();
            for (BitSet[] p : layer) {
                if (differAt(ra, p[0], rb, p[1])) return len;
                for (int label : ra.next(p[0])) nextLayer.add(new BitSet[] {ra.after(p[0], label), rb.after(p[1], label)});
            }
            layer = nextLayer;
        }
        return -1;
    }

    static String show(int[] a) {
        return Arrays.toString(a);
    }
}
