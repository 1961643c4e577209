package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FingerprintTableProperties {

    @Property
    void behavesLikeHashSet(@ForAll @Size(max = 3000) List<@From("values") Long> inserts,
                            @ForAll @Size(max = 300) List<@From("values") Long> probes,
                            @ForAll @IntRange(min = 0, max = 64) int initialCapacity) {
        FingerprintTable set = new FingerprintTable(initialCapacity);
        try {
            Set<Long> model = new HashSet<>();
            for (long v : inserts) {
                assertEquals(model.add(v), set.add(v), "add " + v);
                assertEquals(model.size(), set.size());
                if (set.wantsGrowth()) set.grow();
            }
            for (long v : inserts) assertTrue(set.contains(v));
            for (long v : probes) assertEquals(model.contains(v), set.contains(v), "contains " + v);
        } finally {
            set.free();
        }
    }

    @Test
    void largeTableGrowsByAFifthAndStaysDense() {
        FingerprintTable set = new FingerprintTable(1 << 20);
        try {
            long v = 1;
            while (set.capacity() == 1 << 20 || !set.wantsGrowth()) {
                set.add(Fingerprint.fmix64(v++));
                if (set.wantsGrowth() && set.capacity() == 1 << 20) set.grow();
            }
            assertEquals((long) ((1 << 20) * 1.2), set.capacity());
            // Just before growing again the table holds 90% of its slots: under 9 bytes each.
            assertTrue((double) set.bytes() / set.size() < 9.0, set.bytes() / (double) set.size() + " bytes");
        } finally {
            set.free();
        }
    }

    @Test
    void rehashWithSeveralThreadsKeepsEveryValue() {
        FingerprintTable set = new FingerprintTable(1 << 20).rehashThreads(3);
        try {
            long v = 1;
            while (set.capacity() == 1 << 20) {
                set.add(Fingerprint.fmix64(v++));
                if (set.wantsGrowth()) set.grow();
            }
            long n = v - 1;
            assertEquals(n, set.size());
            for (long u = 1; u <= n; u++) assertTrue(set.contains(Fingerprint.fmix64(u)), "lost " + u);
            for (long u = n + 1; u <= n + 1000; u++) assertTrue(!set.contains(Fingerprint.fmix64(u)), "extra " + u);
            assertTrue(set.add(Fingerprint.fmix64(n + 1)));
            assertTrue(!set.add(Fingerprint.fmix64(1)));
        } finally {
            set.free();
        }
    }

    @Test
    void concurrentInsertsAddEachValueOnce() throws Exception {
        FingerprintTable set = new FingerprintTable(1 << 16);
        int threads = 4;
        int perThread = 40_000;
        AtomicLong fresh = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    // Every thread inserts the same values, so each must be new for exactly one.
                    for (long v = 1; v <= perThread; v++) if (set.add(Fingerprint.fmix64(v))) fresh.incrementAndGet();
                });
                ts.add(th);
                th.start();
            }
            for (Thread th : ts) th.join();
            assertEquals(perThread, fresh.get());
            assertEquals(perThread, set.size());
            for (long v = 1; v <= perThread; v++) assertTrue(set.contains(Fingerprint.fmix64(v)));
        } finally {
            set.free();
        }
    }

    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-50, 50), Arbitraries.longs(),
                Arbitraries.longs().between(0, 1000).map(x -> x << 40));
    }
}
