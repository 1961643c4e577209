package org.uffdcheck.explore;

import java.util.Arrays;

/**
 * The successors of one block that may be new, kept by the worker that expanded it until the
 * block's turn to store them comes: each a record (state, then its fingerprint's sum), with its
 * fingerprint, parent, position and property verdict. Rows are made when the buffer grows and
 * reused afterwards, so a worker allocates nothing per state once its buffer is big enough.
 */
final class Candidates {
    private final int record;
    int[][] rows = new int[0][];
    long[] fps = new long[0];
    long[] parents = new long[0];
    int[] ordinals = new int[0];
    int[] violations = new int[0];
    int count;

    Candidates(int record) {
        this.record = record;
        grow(64);
    }

    void add(int[] row, long fp, long parent, int ordinal, int violation) {
        if (count == fps.length) grow(2 * count);
        System.arraycopy(row, 0, rows[count], 0, record);
        fps[count] = fp;
        parents[count] = parent;
        ordinals[count] = ordinal;
        violations[count] = violation;
        count++;
    }

    private void grow(int n) {
        int had = rows.length;
        rows = Arrays.copyOf(rows, n);
        for (int i = had; i < n; i++) rows[i] = new int[record];
        fps = Arrays.copyOf(fps, n);
        parents = Arrays.copyOf(parents, n);
        ordinals = Arrays.copyOf(ordinals, n);
        violations = Arrays.copyOf(violations, n);
    }
}
