package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Bit-state hashing on arrays small enough to reason about bit by bit: which bits a value sets,
 * when two values collide, and the numbers the set reports about itself.
 */
class BitStateSetTest {

    @Test
    void sizesAndHashCountsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new BitStateSet(5, 1));
        assertThrows(IllegalArgumentException.class, () -> new BitStateSet(41, 1, refusing()));
        assertThrows(IllegalArgumentException.class, () -> new BitStateSet(6, 0));
        assertThrows(IllegalArgumentException.class, () -> new BitStateSet(6, 17));
        // The largest array is allowed, then refused by a budget too small for it.
        MemoryBudget.Refused e = assertThrows(MemoryBudget.Refused.class, () -> new BitStateSet(40, 16, refusing()));
        assertEquals(1L << 37, e.bytes());
        BitStateSet s = new BitStateSet(6, 16);
        try {
            assertEquals(6, s.bits());
            assertEquals(16, s.hashes());
            assertEquals(8, s.bytes());
        } finally {
            s.free();
        }
    }

    @Test
    void withOneHashAValueSetsTheBitOfItsLowBits() {
        BitStateSet s = new BitStateSet(7, 1);
        try {
            assertTrue(s.add(64));
            assertEquals(1, s.touch(64), "bit 0 of word 1");
            assertEquals(0, s.touch(0));
            assertTrue(s.add(3));
            assertEquals(8, s.touch(0), "bit 3 of word 0");
            assertEquals(8, s.touch(127 + 128 - 124), "any value of word 0");
            // Values equal modulo 128 collide: the second is taken as seen.
            assertFalse(s.add(3 + 128));
            assertFalse(s.add(64 + (5L << 40)));
            assertEquals(2, s.size());
        } finally {
            s.free();
        }
    }

    @Test
    void aValueSetsExactlyItsKBitsByDoubleHashing() {
        BitStateSet s = new BitStateSet(16, 3);
        try {
            long fp = Fingerprint.fmix64(77);
            long h2 = Fingerprint.fmix64(fp ^ 0x5851f42d4c957f2dL) | 1;
            assertTrue(s.add(fp));
            long total = 0;
            for (long w = 0; w < 1024; w++) total += Long.bitCount(s.touch(w << 6));
            assertEquals(3, total);
            for (int i = 0; i < 3; i++) {
                long bit = (fp + i * h2) & 0xFFFF;
                assertTrue((s.touch(bit) & 1L << (bit & 63)) != 0, "bit " + i);
            }
            assertFalse(s.add(fp));
            assertEquals(1, s.size());
            // A neighbouring value sets other bits, so it is new.
            long other = fp + 1;
            assertTrue(s.add(other));
            assertEquals(2, s.size());
        } finally {
            s.free();
        }
    }

    @Test
    void aFullArrayCoversNothingMore() {
        BitStateSet s = new BitStateSet(6, 1);
        try {
            assertEquals(1.0, s.estimatedCoverage());
            assertEquals(Double.POSITIVE_INFINITY, s.hashFactor());
            for (long v = 0; v < 32; v++) assertTrue(s.add(v));
            assertEquals(32, s.size());
            assertEquals(2.0, s.hashFactor());
            // Half the bits set by one hash: N = -64 ln(1/2) offers were likely, 32 of them taken.
            assertEquals(32 / (64 * Math.log(2)), s.estimatedCoverage(), 1e-12);
            for (long v = 32; v < 64; v++) assertTrue(s.add(v));
            assertEquals(0.0, s.estimatedCoverage());
            assertEquals(1.0, s.hashFactor());
            assertFalse(s.add(64));
            assertFalse(s.wantsGrowth());
            assertTrue(s.grow());
            assertEquals(8, s.bytes());
        } finally {
            s.free();
        }
    }

    @Test
    void coverageCountsTheHashes() {
        BitStateSet s = new BitStateSet(8, 2);
        try {
            for (long v = 1; v <= 20; v++) s.add(Fingerprint.fmix64(v));
            long set = 0;
            for (long w = 0; w < 4; w++) set += Long.bitCount(s.touch(w << 6));
            double f = set / 256.0;
            double offered = -(256.0 / 2) * Math.log(1 - f);
            assertEquals(Math.min(1, s.size() / offered), s.estimatedCoverage(), 1e-12);
            assertTrue(set > 20, set + " bits for 20 values and two hashes");
        } finally {
            s.free();
        }
    }

    @Test
    void theArrayIsPaidForOnce() {
        MemoryBudget b = new MemoryBudget(1 << 20, () -> 0, () -> { });
        BitStateSet s = new BitStateSet(20, 3, b);
        assertEquals(1 << 17, b.reserved());
        assertEquals(1 << 17, BitStateSet.bytesFor(20));
        s.free();
        assertEquals(0, b.reserved());
        s.free();
        assertEquals(0, b.reserved());
    }

    private static MemoryBudget refusing() {
        return new MemoryBudget(1 << 20, () -> 0, () -> { });
    }
}
