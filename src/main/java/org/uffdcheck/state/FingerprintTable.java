package org.uffdcheck.state;

import java.util.ArrayList;
import java.util.List;
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
    private int rehashThreads = 1;
    private final MemoryBudget budget;
    private boolean freed;

    public FingerprintTable(long initialCapacity) {
        this(initialCapacity, MemoryBudget.unlimited());
    }

    /** A table whose growth asks budget first; the initial capacity is taken whatever it says. */
    public FingerprintTable(long initialCapacity, MemoryBudget budget) {
        this.budget = budget;
        long cap = Math.max(16, initialCapacity);
        budget.force(8 * cap);
        allocate(cap);
    }

    private void allocate(long cap) {
        table = new OffHeapLongs(cap);
        capacity = cap;
        doubleCapacity = cap << 1;
        growAt = (long) (cap * (cap >= LARGE ? LARGE_LOAD : SMALL_LOAD));
    }

    /** The home slot of fp: where its probe chain starts. */
    long slot(long fp) {
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

    /**
     * Lets grow() rehash with this many threads (the workers of a search wait while it runs);
     * one by default. Returns this.
     */
    public FingerprintTable rehashThreads(int n) {
        rehashThreads = Math.max(1, n);
        return this;
    }

    @Override
    public boolean grow() {
        OffHeapLongs old = table;
        long oldCap = capacity;
        long cap = oldCap >= LARGE ? (long) (oldCap * LARGE_GROWTH) : oldCap << 1;
        // Old and new tables are both held while rehashing, so the new one must fit beside the old.
        if (!budget.reserve(8 * cap)) return false;
        allocate(cap);
        OffHeapLongs t = table;
        int threads = oldCap >= LARGE ? rehashThreads : 1;
        if (threads == 1) {
            rehash(old, t, 0, oldCap, false);
        } else {
            // Each thread takes slices of the old table in turn and inserts them by
            // compare-and-set, as concurrent adds do: linear probing without deletions gives a
            // valid table whatever the order of the inserts.
            long slice = Math.max(1 << 16, oldCap / (16L * threads));
            AtomicLong nextSlice = new AtomicLong();
            Runnable part = () -> {
                long lo;
                while ((lo = nextSlice.getAndAdd(slice)) < oldCap) rehash(old, t, lo, Math.min(oldCap, lo + slice), true);
            };
            List<Thread> helpers = new ArrayList<>();
            for (int h = 1; h < threads; h++) {
                Thread th = new Thread(part, "uffdcheck-rehash-" + h);
                th.setDaemon(true);
                helpers.add(th);
                th.start();
            }
            part.run();
            boolean interrupted = false;
            for (Thread th : helpers) {
                while (true) {
                    try {
                        th.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        old.free();
        budget.release(8 * oldCap);
        return true;
    }

    /** Inserts the fingerprints of old slots [lo, hi) into t; shared says other threads do too. */
    private void rehash(OffHeapLongs old, OffHeapLongs t, long lo, long hi, boolean shared) {
        long cap = capacity;
        for (long j = lo; j < hi; j++) {
            long v = old.getPlain(j);
            if (v == 0) continue;
            long i = slot(v);
            while (true) {
                if (t.getPlain(i) == 0) {
                    if (!shared) {
                        t.set(i, v);
                        break;
                    }
                    if (t.compareAndSet(i, 0, v)) break;
                }
                if (++i == cap) i = 0;
            }
        }
    }

    @Override
    public void free() {
        if (!freed) budget.release(8 * capacity);
        freed = true;
        table.free();
    }
}
