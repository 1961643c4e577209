package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BitStateSetProperties {

    /** Omissions only ever make a new value look seen, never a seen value look new. */
    @Property
    void aValueOnceAddedIsNeverNewAgain(@ForAll @Size(max = 2000) List<Long> values,
                                        @ForAll @IntRange(min = 6, max = 16) int bits,
                                        @ForAll @IntRange(min = 1, max = 4) int hashes) {
        BitStateSet set = new BitStateSet(bits, hashes);
        try {
            Set<Long> added = new HashSet<>();
            for (long v : values) {
                boolean fresh = set.add(v);
                if (!added.add(v)) assertFalse(fresh, "seen again: " + v);
            }
            assertTrue(set.size() <= added.size());
        } finally {
            set.free();
        }
    }

    @Property(tries = 50)
    void aLargeArrayMissesNothing(@ForAll @Size(max = 3000) Set<Long> values) {
        BitStateSet set = new BitStateSet(26, 3);
        try {
            for (long v : values) assertTrue(set.add(Fingerprint.fmix64(v) | 1), "omitted " + v);
            assertEquals(values.size(), set.size());
        } finally {
            set.free();
        }
    }

    @Test
    void coverageEstimateFallsAsTheArrayFills() {
        BitStateSet set = new BitStateSet(16, 3);
        try {
            assertEquals(1.0, set.estimatedCoverage());
            double before = 1.0;
            for (long v = 1; v <= 60_000; v++) {
                set.add(Fingerprint.fmix64(v));
                if (v % 10_000 == 0) {
                    double c = set.estimatedCoverage();
                    assertTrue(c <= before && c > 0, c + " after " + before);
                    before = c;
                }
            }
            assertTrue(before < 0.9, "nearly full array still claims " + before);
            // The estimate tracks what really happened: 60,000 distinct values, fewer counted new.
            double real = set.size() / 60_000.0;
            assertTrue(Math.abs(real - before) < 0.05, "estimate " + before + ", real " + real);
        } finally {
            set.free();
        }
    }
}
