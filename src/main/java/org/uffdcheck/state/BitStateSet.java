package org.uffdcheck.state;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Holzmann's bit-state hashing ("supertrace"): a state sets k bits of a 2^bits-bit array and counts
 * as seen when all k are set already. Memory is fixed and tiny per state, but two states whose bits
 * cover each other are confused and the second is never explored, so a search with this set is
 * incomplete: it can miss states, never report a false violation (every trace it reports is replayed).
 * The k bit positions come from the fingerprint by double hashing.
 */
public final class BitStateSet implements VisitedSet {
    public static final int DEFAULT_BITS = 32;
    public static final int DEFAULT_HASHES = 3;

    private final int bits;
    private final int hashes;
    private final long mask;
    private final OffHeapLongs words;
    private final AtomicLong size = new AtomicLong();
    private final MemoryBudget budget;
    private boolean freed;

    public BitStateSet(int bits, int hashes) {
        this(bits, hashes, MemoryBudget.unlimited());
    }

    /** Throws MemoryBudget.Refused, allocating nothing, when the array does not fit the budget. */
    public BitStateSet(int bits, int hashes, MemoryBudget budget) {
        if (bits < 6 || bits > 40) throw new IllegalArgumentException("bits must be in 6..40, not " + bits);
        if (hashes < 1 || hashes > 16) throw new IllegalArgumentException("hashes must be in 1..16, not " + hashes);
        this.bits = bits;
        this.hashes = hashes;
        this.mask = (1L << bits) - 1;
        if (!budget.reserve(bytesFor(bits))) throw new MemoryBudget.Refused(bytesFor(bits));
        this.budget = budget;
        this.words = new OffHeapLongs(1L << (bits - 6));
    }

    /** Memory of a 2^bits-bit array. */
    public static long bytesFor(int bits) {
        return 1L << (bits - 3);
    }

    @Override
    public boolean add(long fp) {
        long h1 = fp;
        long h2 = Fingerprint.fmix64(fp ^ 0x5851f42d4c957f2dL) | 1;
        boolean fresh = false;
        for (int i = 0; i < hashes; i++) {
            long bit = (h1 + i * h2) & mask;
            long w = bit >>> 6;
            long b = 1L << (bit & 63);
            if ((words.get(w) & b) == 0 && (words.getAndOr(w, b) & b) == 0) fresh = true;
        }
        if (fresh) size.incrementAndGet();
        return fresh;
    }

    @Override
    public long touch(long fp) {
        return words.get((fp & mask) >>> 6);
    }

    @Override
    public long size() {
        return size.get();
    }

    @Override
    public long bytes() {
        return words.bytes();
    }

    @Override
    public boolean wantsGrowth() {
        return false;
    }

    @Override
    public boolean grow() {
        // Fixed size by design.
        return true;
    }

    @Override
    public void free() {
        if (words.bytes() > 0 && !freed) budget.release(words.bytes());
        freed = true;
        words.free();
    }

    public int bits() {
        return bits;
    }

    public int hashes() {
        return hashes;
    }

    /** Bits of the array per state stored: SPIN's "hash factor"; above 100 omissions are rare. */
    public double hashFactor() {
        long n = size.get();
        return n == 0 ? Double.POSITIVE_INFINITY : Math.pow(2, bits) / n;
    }

    /**
     * Estimated fraction of the distinct states offered to the set that it took as new rather than
     * wrongly as seen. Every offered state, taken or not, has all k of its bits set afterwards, so
     * after N distinct offers a fraction f = 1 - e^(-kN/m) of the m bits is set; counting the set
     * bits gives N = -(m/k) ln(1 - f), and the coverage is stored / N. Omitted states' own
     * successors may be missed too, so the share of the whole state space reached can be lower.
     */
    public double estimatedCoverage() {
        long n = size.get();
        if (n == 0) return 1;
        long set = 0;
        for (long w = 0; w < words.length(); w++) set += Long.bitCount(words.get(w));
        double m = Math.pow(2, bits);
        double f = set / m;
        if (f >= 1) return 0;
        double offered = -(m / hashes) * Math.log(1 - f);
        return Math.min(1, n / offered);
    }
}
