package org.uffdcheck.state;

/**
 * A set of longs in one primitive array with linear probing. Zero marks an empty slot; a zero
 * element is kept in a flag beside the table, so any long can be stored. Fingerprints are already
 * well mixed, but the slot still comes from a multiplicative remix so that callers storing plain
 * counters or values differing only in their low or high bits do not pile into one cluster.
 */
public final class FingerprintSet {
    private static final double MAX_LOAD = 0.75;
    /** Largest power-of-two length of a Java long[]. */
    private static final int MAX_CAPACITY = 1 << 30;
    /** At the largest table, fill further rather than fail: slow probing beats losing the run. */
    private static final double FULL_LOAD = 0.95;

    private long[] table;
    private int shift;
    private long size;
    private long growAt;
    private boolean hasZero;

    public FingerprintSet(int initialCapacity) {
        int cap = 2;
        while (cap < initialCapacity && cap < MAX_CAPACITY) cap <<= 1;
        allocate(cap);
    }

    public FingerprintSet() {
        this(1 << 16);
    }

    private void allocate(int cap) {
        table = new long[cap];
        shift = 64 - Integer.numberOfTrailingZeros(cap);
        growAt = cap == MAX_CAPACITY ? (long) (cap * FULL_LOAD) : (long) (cap * MAX_LOAD);
    }

    private int slot(long fp) {
        return (int) (((fp ^ (fp >>> 32)) * 0x9e3779b97f4a7c15L) >>> shift);
    }

    /** Adds fp; true if it was not already present. */
    public boolean add(long fp) {
        if (fp == 0) {
            if (hasZero) return false;
            hasZero = true;
            size++;
            return true;
        }
        long[] t = table;
        int mask = t.length - 1;
        int i = slot(fp);
        while (true) {
            long v = t[i];
            if (v == 0) break;
            if (v == fp) return false;
            i = (i + 1) & mask;
        }
        t[i] = fp;
        if (++size > growAt) grow();
        return true;
    }

    public boolean contains(long fp) {
        if (fp == 0) return hasZero;
        long[] t = table;
        int mask = t.length - 1;
        int i = slot(fp);
        while (true) {
            long v = t[i];
            if (v == 0) return false;
            if (v == fp) return true;
            i = (i + 1) & mask;
        }
    }

    public long size() {
        return size;
    }

    /** Memory held by the table. */
    public long bytes() {
        return 8L * table.length;
    }

    public int capacity() {
        return table.length;
    }

    private void grow() {
        long[] old = table;
        if (old.length >= MAX_CAPACITY) {
            throw new IllegalStateException("fingerprint set full at " + size + " entries");
        }
        allocate(old.length << 1);
        long[] t = table;
        int mask = t.length - 1;
        for (long v : old) {
            if (v == 0) continue;
            int i = slot(v);
            while (t[i] != 0) i = (i + 1) & mask;
            t[i] = v;
        }
    }
}
