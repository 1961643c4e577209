package org.uffdcheck.explore;

import org.uffdcheck.state.Fingerprint;

/**
 * Fingerprint to state number, open addressing with linear probing: the liveness graph, and the
 * observed graph that diff compares, number states in the order a breadth-first search meets
 * them. Fingerprints are never 0, so 0 is empty.
 */
public final class StateIndex {
    private long[] keys;
    private int[] values;
    private int size;

    public StateIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
    }

    /** The number of fp, or -1. */
    public int get(long fp) {
        int mask = keys.length - 1;
        for (int i = (int) Fingerprint.fmix64(fp) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == fp) return values[i];
            if (keys[i] == 0) return -1;
        }
    }

    /** Numbers fp, which must be new, with the next number, and returns it. */
    public int add(long fp) {
        if (2L * (size + 1) > keys.length) grow();
        put(keys, values, fp, size);
        return size++;
    }

    public int size() {
        return size;
    }

    long bytes() {
        return 12L * keys.length;
    }

    private static void put(long[] keys, int[] values, long fp, int value) {
        int mask = keys.length - 1;
        int i = (int) Fingerprint.fmix64(fp) & mask;
        while (keys[i] != 0) i = (i + 1) & mask;
        keys[i] = fp;
        values[i] = value;
    }

    private void grow() {
        // A table of 2^30 slots is the largest a Java array allows; beyond it, a heap bound.
        if (keys.length >= 1 << 30) throw new OutOfMemoryError("more than 2^29 states to number");
        long[] k = new long[keys.length * 2];
        int[] v = new int[keys.length * 2];
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) put(k, v, keys[i], values[i]);
        keys = k;
        values = v;
    }
}
