package org.uffdcheck.state;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * A fixed-length array of longs outside the Java heap, with atomic compare-and-set and bitwise
 * or. Large visited stores live here so that the heap (and the garbage collector) only sees what
 * the search allocates for itself, and {@link #free()} returns the memory at once.
 *
 * <p>Access goes through sun.misc.Unsafe (module jdk.unsupported, present in every OpenJDK 17
 * and needing no flags): a direct ByteBuffer view VarHandle does the same job but pays for scope
 * and bounds checks on every probe of the hash table, which cost about a third of the search
 * time. Indices are checked here with an assert only, so callers must stay below length().
 */
public final class OffHeapLongs {
    static final Unsafe U = unsafe();

    private final long length;
    private long base;

    public OffHeapLongs(long length) {
        if (length < 1) throw new IllegalArgumentException("length " + length);
        this.length = length;
        // allocateMemory aligns to 8 bytes or more, as the atomic operations need.
        this.base = U.allocateMemory(8 * length);
        U.setMemory(base, 8 * length, (byte) 0);
    }

    public long length() {
        return length;
    }

    public long bytes() {
        return 8 * length;
    }

    private long address(long i) {
        assert base != 0 && i >= 0 && i < length : "index " + i + " of " + length;
        return base + (i << 3);
    }

    public long get(long i) {
        return U.getLongVolatile(null, address(i));
    }

    /** A read that may see a stale value; for single-threaded phases such as rehashing. */
    public long getPlain(long i) {
        return U.getLong(address(i));
    }

    public void set(long i, long v) {
        U.putLong(address(i), v);
    }

    public boolean compareAndSet(long i, long expect, long v) {
        return U.compareAndSwapLong(null, address(i), expect, v);
    }

    /** Ors bits into element i; returns the value before. */
    public long getAndOr(long i, long bits) {
        long a = address(i);
        while (true) {
            long old = U.getLongVolatile(null, a);
            if ((old | bits) == old || U.compareAndSwapLong(null, a, old, old | bits)) return old;
        }
    }

    /** Releases the memory; the array must not be used afterwards. */
    public synchronized void free() {
        if (base != 0) U.freeMemory(base);
        base = 0;
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
