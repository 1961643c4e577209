package org.uffdcheck.state;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exhaustive visited set: 64-bit fingerprints in one open-addressing table with linear
 * probing, off the Java heap, filled by compare-and-set so that several workers can insert at
 * once. Zero marks an empty slot (a zero fingerprint sits in a flag). The slot comes from the
 * high half of a 128-bit product ("fast range"), so the capacity need not be a power of two: a
 * large table grows by a fifth at 90% load instead of doubling at 75%, which keeps it between
 * 8.9 and 10.7 bytes per fingerprint rather than 10.7 to 21. Small tables double, for speed.
 */
public final class FingerprintTable implements VisitedSet {
    private static final long LARGE = 1L << 20;
    private static final double SMALL_LOAD = 0.75;
    private static final double LARGE_LOAD = 0.9;
    private static final double LARGE_GROWTH = 1.2;

    private OffHeapLongs table;
    private long capacity;
    private long doubleCapacity;
    private volatile long growAt;
    private final AtomicLong size = new AtomicLong();
    private final AtomicBoolean hasZero = new AtomicBoolean();

    public FingerprintTable(long initialCapacity) {
        allocate(Math.max(16, initialCapacity));
    }

    private void allocate(long cap) {
        table = new OffHeapLongs(cap);
        capacity = cap;
        doubleCapacity = cap << 1;
        growAt = (long) (cap * (cap >= LARGE ? LARGE_LOAD : SMALL_LOAD));
    }

    private long slot(long fp) {
        long h = (fp ^ (fp >>> 29)) * 0x9e3779b97f4a7c15L;
        return Math.multiplyHigh(h >>> 1, doubleCapacity);
    }

    @Override
    public boolean add(long fp) {
        if (fp == 0) {
            if (!hasZero.compareAndSet(false, true)) return false;
            size.incrementAndGet();
            return true;
        }
        OffHeapLongs t = table;
        long cap = capacity;
        long i = slot(fp);
        for (long probes = 0; probes < cap; probes++) {
            long v = t.get(i);
            if (v == 0) {
                if (t.compareAndSet(i, 0, fp)) {
                    size.incrementAndGet();
                    return true;
                }
                v = t.get(i);
            }
            if (v == fp) return false;
            if (++i == cap) i = 0;
        }
        throw new IllegalStateException("fingerprint table full at " + size.get() + " entries");
    }

    @Override
    public long touch(long fp) {
        return table.get(slot(fp));
    }

    public boolean contains(long fp) {
        if (fp == 0) return hasZero.get();
        long cap = capacity;
        long i = slot(fp);
        for (long probes = 0; probes < cap; probes++) {
            long v = table.get(i);
            if (v == 0) return false;
            if (v == fp) return true;
            if (++i == cap) i = 0;
        }
        return false;
    }

    @Override
    public long size() {
        return size.get();
    }

    @Override
    public long bytes() {
        return table.bytes();
    }

    public long capacity() {
        return capacity;
    }

    @Override
    public boolean wantsGrowth() {
        return size.get() > growAt;
    }

    @Override
    public void grow() {
        OffHeapLongs old = table;
        long oldCap = capacity;
        long cap = oldCap >= LARGE ? (long) (oldCap * LARGE_GROWTH) : oldCap << 1;
        allocate(cap);
        OffHeapLongs t = table;
        for (long j = 0; j < oldCap; j++) {
            long v = old.getPlain(j);
            if (v == 0) continue;
            long i = slot(v);
            while (t.getPlain(i) != 0) {
                if (++i == cap) i = 0;
            }
            t.set(i, v);
        }
        old.free();
    }

    @Override
    public void free() {
        table.free();
    }
}
