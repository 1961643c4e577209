package org.uffdcheck.state;

/**
 * A 64-bit hash of a state vector. Visited sets store only this, so it must be well mixed: two
 * distinct reachable states sharing a fingerprint would make the second look already visited.
 * The body is MurmurHash3's x64 block mix applied to pairs of ints in two interleaved lanes, which
 * is position dependent (permutations differ) and cheap (three multiplies per pair).
 */
public final class Fingerprint {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long SEED = 0x9e3779b97f4a7c15L;
    private static final long SEED2 = 0xc2b2ae3d27d4eb4fL;
    /** Stand-in for a zero result, since zero marks an empty slot in the fingerprint tables. */
    static final long ZERO_STANDIN = 0x6a09e667f3bcc909L;

    private Fingerprint() {}

    public static long of(int[] state) {
        return of(state, 0, state.length);
    }

    public static long of(int[] a, int off, int len) {
        // Two independent lanes, even and odd blocks, so that the multiply chains of neighbouring
        // blocks overlap in the processor instead of waiting on each other.
        long h1 = SEED;
        long h2 = SEED2;
        int end = off + len;
        int i = off;
        for (; i + 3 < end; i += 4) {
            h1 = block(h1, ((long) a[i] << 32) | (a[i + 1] & 0xffffffffL));
            h2 = block(h2, ((long) a[i + 2] << 32) | (a[i + 3] & 0xffffffffL));
        }
        if (i + 1 < end) {
            h1 = block(h1, ((long) a[i] << 32) | (a[i + 1] & 0xffffffffL));
            i += 2;
        }
        if (i < end) {
            // The length goes into the finaliser, so [x] and [x, 0] still differ.
            h2 = block(h2, (long) a[i] << 32);
        }
        return nonZero(fmix64(h1 ^ len) ^ fmix64(h2 + C1));
    }

    private static long block(long h, long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        k *= C2;
        h ^= k;
        h = Long.rotateLeft(h, 27);
        return h * 5 + 0x52dce729;
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
