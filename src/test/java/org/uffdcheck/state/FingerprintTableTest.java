package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The table's edges, which a set-like property rarely reaches: a full table, probe chains that
 * wrap past the last slot, the growth thresholds, what growth asks of the budget, and where the
 * hash puts a value.
 */
class FingerprintTableTest {

    @Test
    void aFullTableFindsEveryValueAndRefusesOneMore() {
        FingerprintTable t = new FingerprintTable(16);
        try {
            // Sixteen values in sixteen slots: some probe chains must wrap around the end.
            for (long v = 1; v <= 16; v++) assertTrue(t.add(Fingerprint.fmix64(v)), "add " + v);
            assertEquals(16, t.size());
            for (long v = 1; v <= 16; v++) {
                assertTrue(t.contains(Fingerprint.fmix64(v)), "contains " + v);
                assertFalse(t.add(Fingerprint.fmix64(v)), "again " + v);
            }
            for (long v = 17; v <= 40; v++) assertFalse(t.contains(Fingerprint.fmix64(v)), "absent " + v);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.add(Fingerprint.fmix64(99)));
            assertTrue(e.getMessage().contains("full at 16 entries"), e.getMessage());
            assertEquals(16, t.size());
        } finally {
            t.free();
        }
    }

    @Test
    void aProbeChainFromTheLastSlotWrapsToTheFirst() {
        FingerprintTable t = new FingerprintTable(16);
        try {
            long[] last = withHome(t, 15, 4);
            long first = withHome(t, 0, 1)[0];
            for (int i = 0; i < 3; i++) assertTrue(t.add(last[i]));
            // Slots 15, 0 and 1 are taken: a value whose home is slot 0 goes to slot 2.
            assertTrue(t.add(first));
            assertEquals(last[1], t.touch(first));
            for (int i = 0; i < 3; i++) {
                assertTrue(t.contains(last[i]));
                assertFalse(t.add(last[i]));
            }
            assertTrue(t.contains(first));
            assertFalse(t.contains(last[3]), "the chain ends at the empty slot 3");
            assertEquals(4, t.size());
        } finally {
            t.free();
        }
    }

    @Test
    void touchReadsTheHomeSlot() {
        FingerprintTable t = new FingerprintTable(1 << 12);
        try {
            long fp = Fingerprint.fmix64(42);
            assertEquals(0, t.touch(fp));
            t.add(fp);
            assertEquals(fp, t.touch(fp));
        } finally {
            t.free();
        }
    }

    @Test
    void theHashSpreadsValuesOverTheTable() {
        FingerprintTable t = new FingerprintTable(1 << 16);
        try {
            // At a load of 1/64 almost every value sits in its own home slot; a hash that
            // clusters (or a slot that ignores the capacity) pushes many down probe chains.
            int home = 0;
            for (long v = 1; v <= 1024; v++) t.add(v << 20);
            for (long v = 1; v <= 1024; v++) if (t.touch(v << 20) == v << 20) home++;
            assertTrue(home > 1000, home + " of 1024 in their home slot");
            int small = 0;
            for (long v = 1; v <= 1024; v++) t.add(-v);
            for (long v = 1; v <= 1024; v++) if (t.touch(-v) == -v) small++;
            assertTrue(small > 950, small + " of 1024 in their home slot");
        } finally {
            t.free();
        }
    }

    @Test
    void everySlotIsInTheTableAndEachGetsItsShare() {
        FingerprintTable t = new FingerprintTable(16);
        try {
            for (long fp : new long[] {1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 63 | 1}) {
                assertTrue(t.slot(fp) >= 0 && t.slot(fp) < 16, fp + " -> " + t.slot(fp));
            }
            int[] hits = new int[16];
            for (long v = 1; v <= 1600; v++) hits[(int) t.slot(Fingerprint.fmix64(v))]++;
            for (int s = 0; s < 16; s++) assertTrue(hits[s] > 60 && hits[s] < 140, "slot " + s + ": " + hits[s]);
            int[] plain = new int[16];
            for (long v = 1; v <= 1600; v++) plain[(int) t.slot(v)]++;
            for (int s = 0; s < 16; s++) assertTrue(plain[s] > 60 && plain[s] < 140, "slot " + s + " of small values: " + plain[s]);
        } finally {
            t.free();
        }
    }

    @Test
    void zeroIsAValueLikeAnyOther() {
        FingerprintTable t = new FingerprintTable(16);
        try {
            assertFalse(t.contains(0));
            assertTrue(t.add(0));
            assertEquals(1, t.size());
            assertTrue(t.contains(0));
            assertFalse(t.add(0));
            assertEquals(1, t.size());
            assertFalse(t.contains(1));
            assertTrue(t.add(1));
            assertEquals(2, t.size());
        } finally {
            t.free();
        }
    }

    @Test
    void smallTablesGrowAtThreeQuartersAndDouble() {
        MemoryBudget b = budget(1L << 30);
        FingerprintTable t = new FingerprintTable(3, b);
        try {
            assertEquals(16, t.capacity());
            assertEquals(128, t.bytes());
            assertEquals(128, b.reserved());
            for (long v = 1; v <= 12; v++) t.add(v);
            assertFalse(t.wantsGrowth(), "12 of 16");
            t.add(13);
            assertTrue(t.wantsGrowth(), "13 of 16");
            assertTrue(t.grow());
            assertEquals(32, t.capacity());
            assertEquals(256, t.bytes());
            assertEquals(256, b.reserved(), "the old table is released");
            assertFalse(t.wantsGrowth());
            assertEquals(13, t.size());
            for (long v = 1; v <= 13; v++) assertTrue(t.contains(v), "kept " + v);
            for (long v = 14; v <= 40; v++) assertFalse(t.contains(v), "invented " + v);
            for (long v = 14; v <= 24; v++) t.add(v);
            assertFalse(t.wantsGrowth(), "24 of 32");
            t.add(25);
            assertTrue(t.wantsGrowth(), "25 of 32");
            t.free();
            assertEquals(0, b.reserved());
            t.free();
            assertEquals(0, b.reserved(), "freeing twice releases once");
        } finally {
            t.free();
        }
    }

    @Test
    void aLargeTableWaitsForNinetyPercent() {
        FingerprintTable t = new FingerprintTable(1 << 20);
        try {
            long growAt = (long) ((1 << 20) * 0.9);
            for (long v = 1; v <= growAt; v++) t.add(v);
            assertFalse(t.wantsGrowth());
            t.add(growAt + 1);
            assertTrue(t.wantsGrowth());
        } finally {
            t.free();
        }
    }

    @Test
    void growthTheBudgetRefusesLeavesTheTableAsItWas() {
        // 128 bytes forced at the start; doubling needs 256 more beside them.
        MemoryBudget b = budget(128 + 255);
        FingerprintTable t = new FingerprintTable(16, b);
        try {
            for (long v = 1; v <= 13; v++) t.add(v);
            assertFalse(t.grow());
            assertEquals(16, t.capacity());
            assertEquals(128, b.reserved());
            assertTrue(t.wantsGrowth());
            for (long v = 1; v <= 13; v++) assertTrue(t.contains(v));
        } finally {
            t.free();
        }
        MemoryBudget enough = budget(128 + 256);
        FingerprintTable u = new FingerprintTable(16, enough);
        try {
            assertTrue(u.grow());
            assertEquals(32, u.capacity());
        } finally {
            u.free();
        }
    }

    @Test
    void rehashThreadsAreAtLeastOne() {
        FingerprintTable t = new FingerprintTable(16).rehashThreads(0);
        try {
            for (long v = 1; v <= 13; v++) t.add(v);
            assertTrue(t.grow());
            for (long v = 1; v <= 13; v++) assertTrue(t.contains(v));
        } finally {
            t.free();
        }
    }

    /** n fingerprints whose home in t is slot. */
    private static long[] withHome(FingerprintTable t, long slot, int n) {
        long[] out = new long[n];
        int found = 0;
        for (long v = 1; found < n; v++) {
            long fp = Fingerprint.fmix64(v);
            if (t.slot(fp) == slot) out[found++] = fp;
        }
        return out;
    }

    private static MemoryBudget budget(long limit) {
        return new MemoryBudget(limit, () -> 0, () -> { });
    }
}
