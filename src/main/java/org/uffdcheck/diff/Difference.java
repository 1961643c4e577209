package org.uffdcheck.diff;

import java.util.List;

/**
 * The first thing that tells two systems apart, after a common observable trace that is as short
 * as any such: one side can observe something next that the other cannot (TRACE), or one side
 * can come to rest offering only what stableOffer lists (nothing: it blocks or ends for ever)
 * where every resting state of the other side offers something outside that list (REFUSAL).
 *
 * @param side 0 or 1: the side that can observe label (TRACE) or rest offering stableOffer (REFUSAL)
 * @param trace the common observable trace before the difference
 * @param label the observation only side can make after trace (TRACE), else 0
 * @param stableState the compressed state of side that rests (REFUSAL), else -1
 * @param stableOffer what that state offers, sorted (REFUSAL), else empty
 * @param otherNext what the other side can observe after trace, sorted
 * @param otherOffers the least the other side offers in each of its resting states after trace (REFUSAL)
 */
public record Difference(Kind kind, int side, int[] trace, int label, int stableState, int[] stableOffer,
                         int[] otherNext, List<int[]> otherOffers) {
    public enum Kind { TRACE, REFUSAL }

    /** The observable trace of side's run that shows the difference. */
    public int[] run() {
        if (kind == Kind.REFUSAL) return trace;
        int[] t = java.util.Arrays.copyOf(trace, trace.length + 1);
        t[trace.length] = label;
        return t;
    }
}
