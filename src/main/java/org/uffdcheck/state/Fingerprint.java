package org.uffdcheck.state;

/**
 * A 64-bit hash of a state vector. Visited sets store only this, so it must be well mixed: two
 * distinct reachable states sharing a fingerprint would make the second look already visited.
 *
 * <p>It is a sum of one strongly mixed term per slot (Zobrist hashing with computed keys): term(i, v)
 * is a bijective 64-bit mix of the pair (i, v), so it depends on position and value alike, and the
 * sum modulo 2^64 of the terms goes through a finaliser with the length. Being a sum, it can be
 * updated from what a step changed: a successor's sum is its parent's plus, for every slot that
 * differs, the new term minus the old ({@link #update}), which costs a scan for differing slots
 * (vectorised by the JIT) and a few mixes instead of mixing every slot of every successor.
 */
public final class Fingerprint {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    /** Stand-in for a zero result, since zero marks an empty slot in the fingerprint tables. */
    static final long ZERO_STANDIN = 0x6a09e667f3bcc909L;

    private Fingerprint() {}

    public static long of(int[] state) {
        return of(state, 0, state.length);
    }

    public static long of(int[] a, int off, int len) {
        return finish(sum(a, off, len), len);
    }

    /** The sum of the terms of a[off .. off + len), slots numbered from off. */
    public static long sum(int[] a, int off, int len) {
        // Two sums, so that neighbouring terms' multiply chains overlap in the processor.
        long h1 = 0;
        long h2 = 0;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            h1 += term(i, a[off + i]);
            h2 += term(i + 1, a[off + i + 1]);
        }
        if (i < len) h1 += term(i, a[off + i]);
        return h1 + h2;
    }

    /**
     * The sum of next, given the sum of prev: both vectors have len slots. Only the slots where
     * they differ are mixed; Arrays.mismatch finds them many slots per instruction.
     */
    public static long update(long prevSum, int[] prev, int[] next, int len) {
        long h = prevSum;
        int i = 0;
        while (i < len) {
            int m = java.util.Arrays.mismatch(prev, i, len, next, i, len);
            if (m < 0) break;
            i += m;
            h += term(i, next[i]) - term(i, prev[i]);
            i++;
        }
        return h;
    }

    /** The fingerprint of a vector of len slots whose terms sum to sum. */
    public static long finish(long sum, int len) {
        return nonZero(fmix64(sum + len * GOLDEN));
    }

    /**
     * A bijective mix (SplitMix64's finaliser) of slot index and value packed into one long, so
     * distinct pairs give distinct, unrelated terms.
     */
    static long term(int i, int v) {
        long z = ((long) i << 32 | (v & 0xffffffffL)) + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** MurmurHash3's finaliser: every input bit affects every output bit. */
    public static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    static long nonZero(long h) {
        return h == 0 ? ZERO_STANDIN : h;
    }
}
