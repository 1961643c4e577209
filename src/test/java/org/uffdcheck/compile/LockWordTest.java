package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The packing of lock values: each holder decodes back, and renaming threads moves exactly their holds. */
class LockWordTest {
    private static final int THREADS = 30;

    @Test
    void aWriterAndEachSetOfReadersDecodeBack() {
        for (int t = 0; t < THREADS; t++) {
            int w = LockWord.writeLockedBy(t);
            assertTrue(LockWord.writeLocked(w) && !LockWord.readable(w));
            assertEquals(t, LockWord.writer(w));
            for (int u = 0; u < THREADS; u++) {
                assertEquals(u == t, LockWord.holds(w, u), "writer " + t + ", thread " + u);
                assertFalse(LockWord.readBy(w, u), "a writer's word has no readers, though its bits are set");
            }
        }
        int v = LockWord.FREE;
        for (int t = 0; t < THREADS; t += 3) v = LockWord.withReader(v, t);
        assertTrue(LockWord.readable(v) && !LockWord.writeLocked(v));
        for (int t = 0; t < THREADS; t++) assertEquals(t % 3 == 0, LockWord.readBy(v, t) && LockWord.holds(v, t));
        for (int t = 0; t < THREADS; t += 3) v = LockWord.withoutReader(v, t);
        assertEquals(LockWord.FREE, v);
    }

    @Test
    void aSpinlockNamesItsHolder() {
        for (int t = 0; t < THREADS; t++) {
            int v = LockWord.spinLockedBy(t);
            assertTrue(v != LockWord.FREE);
            assertEquals(t, LockWord.spinHolder(v));
        }
    }

    @Test
    void renamingThreadsMovesTheirHoldsOnly() {
        int[] tp = {2, 0, 1};
        int readers = LockWord.withReader(LockWord.withReader(LockWord.FREE, 0), 1);
        int renamed = LockWord.renameRwsem(readers, tp, 3);
        assertEquals(LockWord.withReader(LockWord.withReader(LockWord.FREE, 2), 0), renamed);
        assertEquals(LockWord.writeLockedBy(1), LockWord.renameRwsem(LockWord.writeLockedBy(2), tp, 3));
        assertEquals(LockWord.FREE, LockWord.renameRwsem(LockWord.FREE, tp, 3));
        assertEquals(LockWord.spinLockedBy(0), LockWord.renameSpin(LockWord.spinLockedBy(1), tp, 3));
        // Threads beyond those renamed keep their numbers.
        int outside = LockWord.withReader(readers, 5);
        assertTrue(LockWord.readBy(LockWord.renameRwsem(outside, tp, 3), 5));
        assertEquals(LockWord.writeLockedBy(4), LockWord.renameRwsem(LockWord.writeLockedBy(4), tp, 3));
        assertEquals(LockWord.spinLockedBy(4), LockWord.renameSpin(LockWord.spinLockedBy(4), tp, 3));
    }
}
