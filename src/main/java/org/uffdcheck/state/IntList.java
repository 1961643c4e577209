package org.uffdcheck.state;

/**
 * A growable list of ints indexed by long. Elements live in fixed 1M-element chunks, so growing
 * never copies more than one chunk and the list is not limited by the size of a Java array. The
 * first chunk starts small and doubles up to full size, so small lists stay small.
 */
public final class IntList {
    static final int CHUNK_BITS = 20;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int FIRST = 1024;

    private int[][] chunks = new int[4][];
    private long size;

    public IntList() {
        chunks[0] = new int[FIRST];
    }

    public void add(int v) {
        long n = size;
        int c = (int) (n >>> CHUNK_BITS);
        int i = (int) n & MASK;
        int[] chunk = c < chunks.length ? chunks[c] : null;
        if (chunk == null || i >= chunk.length) chunk = makeRoom(c);
        chunk[i] = v;
        size = n + 1;
    }

    public int get(long index) {
        check(index);
        return chunks[(int) (index >>> CHUNK_BITS)][(int) index & MASK];
    }

    public void set(long index, int v) {
        check(index);
        chunks[(int) (index >>> CHUNK_BITS)][(int) index & MASK] = v;
    }

    public long size() {
        return size;
    }

    /** Memory held by the chunks, including unused room at the end. */
    public long bytes() {
        long b = 8L * chunks.length;
        for (int[] c : chunks) if (c != null) b += 4L * c.length;
        return b;
    }

    private void check(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
    }

    private int[] makeRoom(int c) {
        if (c >= chunks.length) {
            int[][] bigger = new int[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        int[] old = chunks[c];
        int[] fresh;
        if (old == null) {
            fresh = new int[CHUNK];
        } else {
            fresh = new int[Math.min(CHUNK, old.length * 2)];
            System.arraycopy(old, 0, fresh, 0, old.length);
        }
        chunks[c] = fresh;
        return fresh;
    }
}
