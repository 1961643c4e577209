package org.uffdcheck.explore;

import org.uffdcheck.state.Fingerprint;

/**
 * Fingerprint to state number, open addressing with linear probing: the liveness graph numbers
 * states in the order a breadth-first search meets them, and so does the observed graph that diff
 * compares. A slot is two longs side by side, the
 * fingerprint and its number, so a lookup that hits costs one cache miss, not two; touch() lets a
 * caller start several of those misses before it waits on any. Fingerprints are never 0, so 0 is
 * empty.
 */
public final class StateIndex {
    /** The largest table a Java array allows: 2^29 slots of two longs, so 2^28 states. */
    private static final int MAX_SLOTS = 1 << 29;

    private long[] table;
    private int size;
    private long touched;

    public StateIndex(int expected) {
        int slots = Integer.highestOneBit(Math.max(16, Math.min(expected, MAX_SLOTS / 2)) * 2 - 1) << 1;
        table = new long[2 * slots];
    }

    /** The number of fp, or -1. */
    public int get(long fp) {
        int mask = (table.length >> 1) - 1;
        for (int i = (int) Fingerprint.fmix64(fp) & mask; ; i = (i + 1) & mask) {
            long k = table[2 * i];
            if (k == fp) return (int) table[2 * i + 1];
            if (k == 0) return -1;
        }
    }

    /** Reads fp's first slot, so that its cache line is on its way when get() asks. */
    void touch(long fp) {
        int mask = (table.length >> 1) - 1;
        touched += table[2 * ((int) Fingerprint.fmix64(fp) & mask)];
    }

    /** A value that depends on every touch, so that the reads are not optimised away. */
    long touched() {
        return touched;
    }

    /** Numbers fp, which must be new, with the next number, and returns it. */
    public int add(long fp) {
        if (2L * (size + 1) > table.length >> 1) grow();
        put(table, fp, size);
        return size++;
    }

    public int size() {
        return size;
    }

    long bytes() {
        return 8L * table.length;
    }

    private static void put(long[] table, long fp, int value) {
        int mask = (table.length >> 1) - 1;
        int i = (int) Fingerprint.fmix64(fp) & mask;
        while (table[2 * i] != 0) i = (i + 1) & mask;
        table[2 * i] = fp;
        table[2 * i + 1] = value;
    }

    private void grow() {
        // Beyond the largest table a Java array allows, a heap bound like any other.
        if (table.length >> 1 >= MAX_SLOTS) throw new OutOfMemoryError("more than 2^28 states to number");
        long[] t = new long[2 * table.length];
        for (int i = 0; i < table.length; i += 2) if (table[i] != 0) put(t, table[i], (int) table[i + 1]);
        table = t;
    }
}
