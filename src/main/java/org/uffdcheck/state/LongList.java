package org.uffdcheck.state;

/**
 * A growable list of longs indexed by long. Elements live in fixed 1M-element chunks, so growing
 * never copies more than one chunk and the list is not limited by the size of a Java array. The
 * first chunk starts small and doubles up to full size, so small lists stay small.
 */
public final class LongList {
    static final int CHUNK_BITS = 20;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int FIRST = 1024;

    private long[][] chunks = new long[4][];
    private long size;

    public LongList() {
        chunks[0] = new long[FIRST];
    }

    public void add(long v) {
        long n = size;
        int c = (int) (n >>> CHUNK_BITS);
        int i = (int) n & MASK;
        long[] chunk = c < chunks.length ? chunks[c] : null;
        if (chunk == null || i >= chunk.length) chunk = makeRoom(c);
        chunk[i] = v;
        size = n + 1;
    }

    public long get(long index) {
        check(index);
        return chunks[(int) (index >>> CHUNK_BITS)][(int) index & MASK];
    }

    public void set(long index, long v) {
        check(index);
        chunks[(int) (index >>> CHUNK_BITS)][(int) index & MASK] = v;
    }

    public long size() {
        return size;
    }

    /** Memory held by the chunks, including unused room at the end. */
    public long bytes() {
        long b = 8L * chunks.length;
        for (long[] c : chunks) if (c != null) b += 8L * c.length;
        return b;
    }

    private void check(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
    }

    private long[] makeRoom(int c) {
        if (c >= chunks.length) {
            long[][] bigger = new long[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        long[] old = chunks[c];
        long[] fresh;
        if (old == null) {
            fresh = new long[CHUNK];
        } else {
            fresh = new long[Math.min(CHUNK, old.length * 2)];
            System.arraycopy(old, 0, fresh, 0, old.length);
        }
        chunks[c] = fresh;
        return fresh;
    }
}
