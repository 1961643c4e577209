package org.uffdcheck.state;

/**
 * A fixed-length byte array outside the Java heap, read and written as bytes and unaligned ints,
 * for one writer at a time. Unlike a direct ByteBuffer it is not bounded by the JVM's
 * direct-memory limit (by default the maximum heap), so the memory budget is its only bound, and
 * {@link #free()} returns it at once.
 */
final class OffHeapBytes {
    private final long length;
    private long base;

    OffHeapBytes(long length) {
        if (length < 1) throw new IllegalArgumentException("length " + length);
        this.length = length;
        this.base = OffHeapLongs.U.allocateMemory(length);
    }

    long length() {
        return length;
    }

    private long address(long i, int width) {
        assert base != 0 && i >= 0 && i + width <= length : "index " + i + " of " + length;
        return base + i;
    }

    int getInt(long i) {
        return OffHeapLongs.U.getInt(address(i, 4));
    }

    void putInt(long i, int v) {
        OffHeapLongs.U.putInt(address(i, 4), v);
    }

    byte get(long i) {
        return OffHeapLongs.U.getByte(address(i, 1));
    }

    void put(long i, byte v) {
        OffHeapLongs.U.putByte(address(i, 1), v);
    }

    /** Copies the first n bytes of from into this array. */
    void copyFrom(OffHeapBytes from, long n) {
        OffHeapLongs.U.copyMemory(from.address(0, 0), address(0, 0), n);
    }

    void free() {
        if (base != 0) OffHeapLongs.U.freeMemory(base);
        base = 0;
    }
}
