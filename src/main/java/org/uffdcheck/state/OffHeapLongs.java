package org.uffdcheck.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A fixed-length array of longs outside the Java heap, in direct-buffer chunks of up to 128 MiB,
 * with atomic compare-and-set and bitwise or. Large visited stores live here so that the heap (and
 * the garbage collector) only sees what the search allocates for itself. {@link #free()} returns
 * the memory at once instead of waiting for a collection to notice the buffers are gone.
 */
public final class OffHeapLongs {
    static final int CHUNK_BITS = 24;
    private static final long CHUNK = 1L << CHUNK_BITS;
    private static final long MASK = CHUNK - 1;
    private static final VarHandle LONGS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final long length;
    private ByteBuffer[] chunks;
    /** The buffers that own the memory; chunks are aligned slices of them. */
    private ByteBuffer[] owners;

    public OffHeapLongs(long length) {
        if (length < 1) throw new IllegalArgumentException("length " + length);
        this.length = length;
        int n = (int) ((length + CHUNK - 1) >>> CHUNK_BITS);
        chunks = new ByteBuffer[n];
        owners = new ByteBuffer[n];
        for (int c = 0; c < n; c++) {
            long longs = Math.min(CHUNK, length - ((long) c << CHUNK_BITS));
            // 8 spare bytes let the slice start on an 8-byte boundary, which atomic access needs.
            ByteBuffer raw = ByteBuffer.allocateDirect((int) (longs * 8 + 8));
            owners[c] = raw;
            chunks[c] = raw.alignedSlice(8).order(ByteOrder.nativeOrder());
        }
    }

    public long length() {
        return length;
    }

    public long bytes() {
        return 8 * length;
    }

    public long get(long i) {
        return (long) LONGS.getAcquire(chunks[(int) (i >>> CHUNK_BITS)], (int) (i & MASK) << 3);
    }

    public void set(long i, long v) {
        LONGS.setRelease(chunks[(int) (i >>> CHUNK_BITS)], (int) (i & MASK) << 3, v);
    }

    public boolean compareAndSet(long i, long expect, long v) {
        return LONGS.compareAndSet(chunks[(int) (i >>> CHUNK_BITS)], (int) (i & MASK) << 3, expect, v);
    }

    /** Ors bits into element i; returns the value before. */
    public long getAndOr(long i, long bits) {
        return (long) LONGS.getAndBitwiseOr(chunks[(int) (i >>> CHUNK_BITS)], (int) (i & MASK) << 3, bits);
    }

    /** Releases the memory; the array must not be used afterwards. */
    public void free() {
        ByteBuffer[] old = owners;
        chunks = null;
        owners = null;
        if (old == null) return;
        for (ByteBuffer b : old) DirectMemory.release(b);
    }
}
