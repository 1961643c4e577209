package org.uffdcheck.state;

/**
 * A LIFO of fixed-width int records, such as the pending states of a depth-first search. Chunked
 * like {@link StateQueue}; emptied chunks are released, except one kept spare so that a stack
 * bouncing across a chunk boundary does not allocate on every push.
 */
public final class StateStack {
    private static final int MAX_CHUNK_INTS = 1 << 20;
    private static final int FIRST_RECORDS = 64;

    private final int width;
    private final int chunkRecords;
    private int[][] chunks = new int[4][];
    private int[] spare;
    private long size;
    private final MemoryBudget budget;

    public StateStack(int width) {
        this(width, MemoryBudget.unlimited());
    }

    /** A stack that asks budget before it allocates a chunk (on the heap, so nothing is reserved). */
    public StateStack(int width, MemoryBudget budget) {
        if (width < 0) throw new IllegalArgumentException("width " + width);
        this.width = width;
        this.chunkRecords = Math.max(FIRST_RECORDS, MAX_CHUNK_INTS / Math.max(1, width));
        this.budget = budget;
    }

    public int width() {
        return width;
    }

    public boolean push(int[] src) {
        return push(src, 0);
    }

    /**
     * Pushes the record src[off .. off + width). False, pushing nothing, when the record needs a
     * new chunk and the memory budget refuses it.
     */
    public boolean push(int[] src, int off) {
        int c = (int) (size / chunkRecords);
        int r = (int) (size % chunkRecords);
        if (c >= chunks.length) {
            int[][] bigger = new int[chunks.length * 2][];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            int ints = (c == 0 ? FIRST_RECORDS : chunkRecords) * width;
            if (spare == null && !budget.fits(4L * ints)) return false;
            chunk = spare != null ? spare : new int[ints];
            spare = null;
            chunks[c] = chunk;
        }
        if ((r + 1) * width > chunk.length) {
            // Only the first chunk starts short, so that small stacks stay small.
            int ints = Math.min(chunkRecords, r * 2) * width;
            if (!budget.fits(4L * ints)) return false;
            int[] longer = new int[ints];
            System.arraycopy(chunk, 0, longer, 0, chunk.length);
            chunk = longer;
            chunks[c] = chunk;
        }
        System.arraycopy(src, off, chunk, r * width, width);
        size++;
        return true;
    }

    public boolean pop(int[] dst) {
        return pop(dst, 0);
    }

    /** Removes the newest record into dst[off .. off + width); false when empty. */
    public boolean pop(int[] dst, int off) {
        if (size == 0) return false;
        long top = size - 1;
        int c = (int) (top / chunkRecords);
        int r = (int) (top % chunkRecords);
        System.arraycopy(chunks[c], r * width, dst, off, width);
        size = top;
        if (r == 0 && c > 0) {
            spare = chunks[c];
            chunks[c] = null;
        }
        return true;
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Memory held by live and spare chunks. */
    public long bytes() {
        long b = 8L * chunks.length;
        for (int[] c : chunks) if (c != null) b += 4L * c.length;
        if (spare != null) b += 4L * spare.length;
        return b;
    }
}
