package org.uffdcheck.diff;

import java.util.function.IntPredicate;

/**
 * A system with its internal steps compressed for the comparison: cycles of internal steps
 * collapsed (InternalSccs), then branching bisimulation classes merged (Branching). Keeps the
 * class of every original state, so that a state of the compressed system can be found again in
 * the original, where runs are shown.
 */
public final class Compressed {
    public final Lts quotient;
    /** The compressed state of each original state. */
    public final int[] classOf;
    /** States after the first stage, for reports. */
    public final int collapsed;
    private final InternalSccs sccs;

    private Compressed(Lts quotient, int[] classOf, InternalSccs sccs) {
        this.quotient = quotient;
        this.classOf = classOf;
        this.collapsed = sccs.quotient.states();
        this.sccs = sccs;
    }

    public static Compressed of(Lts g) {
        InternalSccs sccs = InternalSccs.of(g);
        Branching b = Branching.of(sccs.quotient);
        int[] classOf = new int[g.states];
        for (int s = 0; s < g.states; s++) classOf[s] = b.block[sccs.component[s]];
        return new Compressed(b.quotient, classOf, sccs);
    }

    /** Original states in compressed state c, or anywhere when c is negative. */
    public IntPredicate in(int c) {
        return s -> c < 0 || classOf[s] == c;
    }

    /**
     * Original states that come to rest (no internal step leaves their cycle of internal steps)
     * in compressed state c: where a run that shows a refusal ends.
     */
    public IntPredicate restingIn(int c) {
        Lts q = sccs.quotient;
        return s -> {
            if (classOf[s] != c) return false;
            int k = sccs.component[s];
            for (int e = q.offsets[k]; e < q.offsets[k + 1]; e++) if (q.labels[e] == Lts.INTERNAL) return false;
            return true;
        };
    }
}
