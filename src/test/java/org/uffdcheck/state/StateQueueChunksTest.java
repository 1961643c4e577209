package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Exact byte counts of the queue's chunks, spill file and spare: a queue that computes the right
 * records but keeps or spills the wrong chunks only shows up here.
 */
class StateQueueChunksTest {
    private static final long MIB = 1 << 20;
    /** Records of three ints: a width of 1 would hide a multiplication by the width. */
    private static final int W = 3;

    @Test
    void withNoMemoryEveryFullChunkOfTheFirstSizeGoesToDisk() {
        try (StateQueue q = new StateQueue(W, 0)) {
            int[] rec = new int[W];
            for (int i = 0; i < 1000; i++) {
                rec[0] = i;
                q.push(rec);
            }
            // The first chunk holds 64 records and, spilled each time it fills, never grows.
            assertEquals(15 * 64 * 4 * W, q.spilledBytes());
            assertEquals(64 * 4 * W, q.bytes());
            for (int i = 0; i < 64; i++) {
                assertTrue(q.pop(rec));
                assertEquals(i, rec[0]);
            }
            assertEquals(14 * 64 * 4 * W, q.spilledBytes());
            assertEquals(2 * 64 * 4 * W, q.bytes(), "the tail and one chunk read back");
            for (int i = 64; i < 960; i++) {
                assertTrue(q.pop(rec));
                assertEquals(i, rec[0]);
            }
            assertEquals(0, q.spilledBytes());
            for (int i = 960; i < 1000; i++) {
                assertTrue(q.pop(rec));
                assertEquals(i, rec[0]);
            }
            assertEquals(64 * 4 * W, q.bytes(), "a chunk read back is dropped once read");
            assertFalse(q.pop(rec));
            // Drained, the file starts over and takes the next spills in order.
            for (int i = 0; i < 200; i++) {
                rec[0] = 5000 + i;
                q.push(rec);
            }
            assertEquals(2 * 64 * 4 * W, q.spilledBytes());
            for (int i = 0; i < 200; i++) {
                assertTrue(q.pop(rec));
                assertEquals(5000 + i, rec[0]);
            }
            assertEquals(0, q.size());
        }
    }

    @Test
    void oneReadOutFullSizeChunkIsKeptAndReused() {
        // Records of 1 MiB: every chunk has the full size of 4 records, 4 MiB.
        int width = 1 << 18;
        StateQueue q = new StateQueue(width);
        int[] rec = new int[width];
        for (int i = 0; i < 12; i++) {
            rec[width - 1] = i;
            q.push(rec);
        }
        assertEquals(12 * MIB, q.bytes());
        for (int i = 0; i < 12; i++) {
            assertTrue(q.pop(rec));
            assertEquals(i, rec[width - 1]);
        }
        assertEquals(8 * MIB, q.bytes(), "the last chunk and one spare");
        for (int i = 0; i < 4; i++) q.push(rec);
        assertEquals(8 * MIB, q.bytes(), "the next chunk is the spare");
        q.push(rec);
        assertEquals(12 * MIB, q.bytes(), "no spare left: a new chunk");
        assertEquals(5, q.size());
    }

    @Test
    void aChunkReadBackFromDiskReusesTheSpare() {
        int width = 1 << 18;
        try (StateQueue q = new StateQueue(width, 8 * MIB)) {
            int[] rec = new int[width];
            for (int i = 0; i < 20; i++) {
                rec[0] = i;
                q.push(rec);
            }
            assertTrue(q.spilledBytes() > 0);
            long before = q.bytes();
            for (int i = 0; i < 20; i++) {
                assertTrue(q.pop(rec));
                assertEquals(i, rec[0]);
                assertTrue(q.bytes() <= before, "reading back allocates no more chunks: " + q.bytes());
            }
            assertEquals(0, q.spilledBytes());
        }
    }
}
