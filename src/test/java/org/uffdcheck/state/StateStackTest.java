package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stack's chunk boundaries, exact memory and budget requests: a stack that returns the right
 * records but keeps, drops or asks for the wrong chunks only shows up here.
 */
class StateStackTest {
    /** Records this wide make a chunk 128 records (4 MiB), so a few hundred records cross several chunks. */
    private static final int WIDE = 1 << 13;
    private static final long CHUNK_BYTES = 4L << 20;

    @Test
    void aNewStackHoldsOnlyItsChunkIndex() {
        StateStack s = new StateStack(3);
        assertEquals(3, s.width());
        assertEquals(0, s.size());
        assertTrue(s.isEmpty());
        assertEquals(8 * 4, s.bytes());
        assertFalse(s.pop(new int[3]));
        assertEquals(0, s.size());
    }

    @Test
    void aNegativeWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StateStack(-1));
    }

    @Test
    void theFirstChunkStartsAt64RecordsAndDoubles() {
        StateStack s = new StateStack(3);
        int[] rec = new int[3];
        for (int i = 0; i < 64; i++) {
            rec[0] = i;
            assertTrue(s.push(rec));
        }
        assertEquals(32 + 4 * 64 * 3, s.bytes());
        rec[0] = 64;
        assertTrue(s.push(rec));
        assertEquals(32 + 4 * 128 * 3, s.bytes());
        for (int i = 65; i <= 128; i++) {
            rec[0] = i;
            assertTrue(s.push(rec));
        }
        assertEquals(32 + 4 * 256 * 3, s.bytes());
        for (int i = 128; i >= 0; i--) {
            assertTrue(s.pop(rec));
            assertEquals(i, rec[0]);
            assertEquals(i, s.size());
        }
        assertTrue(s.isEmpty());
        assertFalse(s.pop(rec));
    }

    @Test
    void recordsCrossChunksAndTheIndexGrows() {
        StateStack s = new StateStack(WIDE);
        int n = 5 * 128 + 3;
        for (int i = 0; i < n; i++) assertTrue(s.push(wide(i)));
        assertEquals(n, s.size());
        // Six chunks need an index of eight slots.
        assertEquals(8 * 8 + 6 * CHUNK_BYTES, s.bytes());
        int[] out = new int[WIDE];
        for (int i = n - 1; i >= 0; i--) {
            assertTrue(s.pop(out));
            assertEquals(i, out[0]);
            assertEquals(-i, out[WIDE - 1]);
        }
        assertFalse(s.pop(out));
    }

    @Test
    void oneEmptiedChunkIsKeptSpareAndReused() {
        StateStack s = new StateStack(WIDE);
        for (int i = 0; i < 3 * 128; i++) assertTrue(s.push(wide(i)));
        assertEquals(32 + 3 * CHUNK_BYTES, s.bytes());
        int[] out = new int[WIDE];
        // Popping the first record of the third chunk empties it: it is kept as the spare.
        for (int i = 0; i < 128; i++) assertTrue(s.pop(out));
        assertEquals(2 * 128, s.size());
        assertEquals(32 + 3 * CHUNK_BYTES, s.bytes());
        // Emptying the second chunk too keeps it instead: the older spare goes.
        for (int i = 0; i < 128; i++) assertTrue(s.pop(out));
        assertEquals(128, out[0]);
        assertEquals(32 + 2 * CHUNK_BYTES, s.bytes());
        // The first chunk is never released.
        for (int i = 0; i < 128; i++) assertTrue(s.pop(out));
        assertEquals(0, out[0]);
        assertEquals(32 + 2 * CHUNK_BYTES, s.bytes());
        // Pushing across the boundary again takes the spare without asking the budget.
        for (int i = 0; i < 129; i++) assertTrue(s.push(wide(1000 + i)));
        assertEquals(32 + 2 * CHUNK_BYTES, s.bytes());
        assertTrue(s.pop(out));
        assertEquals(1128, out[0]);
        assertEquals(-1128, out[WIDE - 1]);
    }

    @Test
    void aSpareChunkNeedsNoBudget() {
        long[] used = {0};
        MemoryBudget b = new MemoryBudget(CHUNK_BYTES, () -> used[0], () -> { });
        StateStack s = new StateStack(WIDE, b);
        for (int i = 0; i < 129; i++) assertTrue(s.push(wide(i)), "push " + i);
        int[] out = new int[WIDE];
        assertTrue(s.pop(out));
        assertEquals(128, out[0]);
        // From now on the budget refuses everything: the emptied chunk is reused all the same.
        used[0] = CHUNK_BYTES;
        assertTrue(s.push(wide(7)));
        assertEquals(129, s.size());
        for (int i = 0; i < 127; i++) assertTrue(s.push(wide(8 + i)));
        assertFalse(s.push(wide(-1)), "a third chunk needs the budget");
        assertEquals(256, s.size());
        assertTrue(s.pop(out));
        assertEquals(134, out[0]);
    }

    @Test
    void theBudgetIsAskedForEachChunkExactly() {
        // The first chunk of records of two ints is 64 records: 512 bytes.
        assertFalse(new StateStack(2, budget(511)).push(new int[2]));
        StateStack s = new StateStack(2, budget(512));
        int pushed = 0;
        while (s.push(new int[] {pushed, 1})) pushed++;
        assertEquals(64, pushed);
        assertEquals(64, s.size());
        // Doubling it to 128 records asks for 1 KiB.
        StateStack t = new StateStack(2, budget(1024));
        pushed = 0;
        while (pushed < 1000 && t.push(new int[] {pushed, 1})) pushed++;
        assertEquals(128, pushed);
        int[] out = new int[2];
        assertTrue(t.pop(out));
        assertEquals(127, out[0]);
    }

    @Test
    void pushAndPopUseTheirOffsets() {
        StateStack s = new StateStack(2);
        assertTrue(s.push(new int[] {9, 1, 2, 9}, 1));
        assertTrue(s.push(new int[] {3, 4}));
        int[] out = new int[4];
        assertTrue(s.pop(out, 2));
        assertArrayEquals(new int[] {0, 0, 3, 4}, out);
        assertTrue(s.pop(out, 1));
        assertArrayEquals(new int[] {0, 1, 2, 4}, out);
    }

    @Test
    void recordsOfNoIntsAreCounted() {
        StateStack s = new StateStack(0);
        for (int i = 0; i < 100; i++) assertTrue(s.push(new int[0]));
        assertEquals(100, s.size());
        for (int i = 0; i < 100; i++) assertTrue(s.pop(new int[0]));
        assertFalse(s.pop(new int[0]));
    }

    private static MemoryBudget budget(long limit) {
        return new MemoryBudget(limit, () -> 0, () -> { });
    }

    private static int[] wide(int i) {
        int[] r = new int[WIDE];
        r[0] = i;
        r[WIDE - 1] = -i;
        return r;
    }
}
