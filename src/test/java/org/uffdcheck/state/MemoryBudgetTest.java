package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryBudgetTest {
    private static final long MIB = MemoryBudget.MIB;
    private static final long GIB = MemoryBudget.GIB;

    @Test
    void sizesTakeBinarySuffixes() {
        assertEquals(300 * MIB, MemoryBudget.parseSize("300M"));
        assertEquals(8 * GIB, MemoryBudget.parseSize("8G"));
        assertEquals(8 * GIB, MemoryBudget.parseSize("8g"));
        assertEquals(2 * GIB, MemoryBudget.parseSize("2GiB"));
        assertEquals(10 * MIB, MemoryBudget.parseSize("10MB"));
        assertEquals(512 * 1024, MemoryBudget.parseSize("512k"));
        assertEquals(3L << 40, MemoryBudget.parseSize("3T"));
        assertEquals(1024, MemoryBudget.parseSize("1024"));
        assertEquals(1024, MemoryBudget.parseSize("1024B"));
        assertEquals(Long.MAX_VALUE, MemoryBudget.parseSize("9223372036854775807"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-5", "1.5G", "M", "GiB", "5X", "0x10", "3 M", "+7"})
    void garbageIsNotASize(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parseSize(text));
        assertTrue(e.getMessage().contains("is not a size; write plain bytes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "99999999999999999999", "8388608T", "9007199254740992K"})
    void sizesThatOverflowAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parseSize(text));
        assertTrue(e.getMessage().endsWith("is too large a size"), e.getMessage());
    }

    @Test
    void sizesAreShownInBinaryUnits() {
        assertEquals("300 MiB", MemoryBudget.format(300 * MIB));
        assertEquals("8 GiB", MemoryBudget.format(8 * GIB));
        assertEquals("1.5 GiB", MemoryBudget.format(3 * GIB / 2));
        assertEquals("512 KiB", MemoryBudget.format(512 * 1024));
        assertEquals("100 bytes", MemoryBudget.format(100));
        assertEquals("128 GiB", MemoryBudget.format(128 * GIB));
    }

    @Test
    void defaultIsTheMachineLessAMarginAtMostFourHeaps() {
        // The JVM's own default heap is a quarter of the machine: the machine term decides.
        assertEquals(24 * GIB - 3 * GIB, MemoryBudget.defaultLimit(24 * GIB, 6 * GIB));
        // A smaller -Xmx scales the budget down.
        assertEquals(8 * GIB, MemoryBudget.defaultLimit(24 * GIB, 2 * GIB));
        assertEquals(256 * MIB, MemoryBudget.defaultLimit(24 * GIB, 64 * MIB));
        // A small machine keeps at least 512 MiB back.
        assertEquals(GIB + 512 * MIB, MemoryBudget.defaultLimit(2 * GIB, 4 * GIB));
        // Unknown machine: the heap term alone.
        assertEquals(4 * GIB, MemoryBudget.defaultLimit(-1, GIB));
        // Never below the minimum, never overflowing.
        assertEquals(MemoryBudget.MINIMUM, MemoryBudget.defaultLimit(100 * MIB, 64 * MIB));
        assertEquals(Long.MAX_VALUE, MemoryBudget.defaultLimit(-1, Long.MAX_VALUE));
        assertTrue(MemoryBudget.defaultLimit() >= MemoryBudget.MINIMUM);
    }

    @Test
    void reservationsCountAgainstTheLimitWithTheJvmsOwnUse() {
        long[] jvm = {300};
        MemoryBudget b = new MemoryBudget(1000, () -> jvm[0], () -> { });
        assertTrue(b.reserve(500));
        assertEquals(800, b.inUse());
        assertFalse(b.reserve(201));
        assertEquals(500, b.reserved());
        assertTrue(b.reserve(200));
        assertFalse(b.fits(1));
        b.release(700);
        assertEquals(0, b.reserved());
        jvm[0] = 1001;
        assertFalse(b.fits(0));
        assertFalse(b.fits(-1));
        b.force(10);
        assertEquals(1011, b.inUse());
    }

    @Test
    void aRefusalCollectsGarbageOnceAndAsksAgain() {
        long[] jvm = {900};
        int[] collections = {0};
        MemoryBudget b = new MemoryBudget(1000, () -> jvm[0], () -> {
            collections[0]++;
            jvm[0] = 100;
        });
        assertTrue(b.reserve(50));
        assertEquals(0, collections[0]);
        assertTrue(b.reserve(500));
        assertEquals(1, collections[0]);
        assertFalse(b.reserve(400));
        assertEquals(2, collections[0]);
        assertEquals(550, b.reserved());
    }

    @Test
    void unlimitedNeverRefuses() {
        MemoryBudget b = MemoryBudget.unlimited();
        assertTrue(b.reserve(Long.MAX_VALUE / 2));
        assertTrue(b.fits(Long.MAX_VALUE / 4));
    }

    @Test
    void storesReserveBeforeTheyGrowAndReleaseWhenFreed() {
        MemoryBudget b = new MemoryBudget(64 * 1024, () -> 0, () -> { });
        FingerprintTable t = new FingerprintTable(1024, b);
        assertEquals(8 * 1024, b.reserved());
        long n = 0;
        while (!t.wantsGrowth()) assertTrue(t.add(++n * 0x9e3779b97f4a7c15L));
        assertTrue(t.grow());
        assertEquals(8 * 2048, b.reserved());
        while (!t.wantsGrowth()) assertTrue(t.add(++n * 0x9e3779b97f4a7c15L));
        assertTrue(t.grow());
        while (!t.wantsGrowth()) assertTrue(t.add(++n * 0x9e3779b97f4a7c15L));
        // 32 KiB held; 64 KiB more for the next table does not fit beside it.
        long cap = t.capacity();
        assertFalse(t.grow());
        assertEquals(cap, t.capacity());
        assertEquals(8 * cap, b.reserved());
        for (long i = 1; i <= n; i++) assertTrue(t.contains(i * 0x9e3779b97f4a7c15L), "lost " + i);
        t.free();
        assertEquals(0, b.reserved());
    }

    @Test
    void parentLinksStopAtARefusedChunk() {
        MemoryBudget b = new MemoryBudget(8 * 1024, () -> 0, () -> { });
        ParentLinks links = new ParentLinks(b);
        int added = 0;
        while (links.add(added - 1, added % 7)) added++;
        // The first chunk holds 1024 records (5 KiB); doubling it needs 10 KiB more.
        assertEquals(1024, added);
        assertEquals(1024, links.size());
        assertEquals(5 * 1024, b.reserved());
        assertEquals(1022, links.parent(1023));
        assertEquals(1023 % 7, links.ordinal(1023));
        links.free();
        assertEquals(0, b.reserved());
    }

    @Test
    void aStackRefusedItsNextChunkPushesNothing() {
        MemoryBudget b = new MemoryBudget(1024, () -> 0, () -> { });
        StateStack s = new StateStack(2, b);
        int pushed = 0;
        while (s.push(new int[] {pushed, -pushed})) pushed++;
        assertEquals(pushed, s.size());
        assertTrue(pushed >= 64 && pushed < 512, "pushed " + pushed);
        int[] top = new int[2];
        assertTrue(s.pop(top));
        assertEquals(pushed - 1, top[0]);
    }

    @Test
    void aBitStateArrayLargerThanTheBudgetIsRefusedBeforeItIsAllocated() {
        MemoryBudget b = new MemoryBudget(MIB, () -> 0, () -> { });
        MemoryBudget.Refused e = assertThrows(MemoryBudget.Refused.class, () -> new BitStateSet(26, 3, b));
        assertEquals(8 * MIB, e.bytes());
        assertEquals(0, b.reserved());
        BitStateSet small = new BitStateSet(20, 3, b);
        assertEquals(128 * 1024, b.reserved());
        small.free();
        assertEquals(0, b.reserved());
    }
}
