package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ops are ints: a positive value pushes a record of it, otherwise pop. */
class StateQueueProperties {

    @Property
    void queueMatchesArrayDeque(@ForAll @IntRange(min = 0, max = 5) int width,
                                @ForAll @Size(max = 3000) List<@IntRange(min = -3, max = 1000) Integer> ops) {
        StateQueue q = new StateQueue(width);
        ArrayDeque<int[]> model = new ArrayDeque<>();
        int[] out = new int[width];
        for (int op : ops) {
            if (op > 0) {
                int[] rec = record(op, width);
                q.push(rec);
                model.addLast(rec);
            } else {
                boolean got = q.pop(out);
                assertEquals(!model.isEmpty(), got);
                if (got) assertArrayEquals(model.pollFirst(), out);
            }
            assertEquals(model.size(), q.size());
        }
        while (!model.isEmpty()) {
            assertTrue(q.pop(out));
            assertArrayEquals(model.pollFirst(), out);
        }
        assertFalse(q.pop(out));
    }

    @Property
    void spillingQueueMatchesArrayDeque(@ForAll @IntRange(min = 1, max = 5) int width,
                                        @ForAll @IntRange(min = 0, max = 4000) int memoryLimit,
                                        @ForAll @Size(max = 3000) List<@IntRange(min = -2, max = 1000) Integer> ops) {
        try (StateQueue q = new StateQueue(width, memoryLimit)) {
            ArrayDeque<int[]> model = new ArrayDeque<>();
            int[] out = new int[width];
            for (int op : ops) {
                if (op > 0) {
                    int[] rec = record(op, width);
                    q.push(rec);
                    model.addLast(rec);
                } else {
                    boolean got = q.pop(out);
                    assertEquals(!model.isEmpty(), got);
                    if (got) assertArrayEquals(model.pollFirst(), out);
                }
                assertEquals(model.size(), q.size());
                assertTrue(q.bytes() <= memoryLimit + 3L * 4 * (1 << 20));
            }
            while (!model.isEmpty()) {
                assertTrue(q.pop(out));
                assertArrayEquals(model.pollFirst(), out);
            }
            assertFalse(q.pop(out));
            assertEquals(0, q.spilledBytes());
        }
    }

    @Test
    void aSpillThatCannotBeWrittenSaysWhyAsItsOwnException(@TempDir Path dir) {
        Path gone = dir.resolve("gone");
        int width = 8;
        try (StateQueue q = new StateQueue(width, 1 << 20, gone, StateQueue.DISK_RESERVE)) {
            int[] rec = new int[width];
            StateQueue.SpillFailed e = assertThrows(StateQueue.SpillFailed.class, () -> {
                for (int i = 0; i < 1_000_000; i++) q.push(rec);
            });
            assertTrue(e.getMessage().startsWith("cannot spill the state queue to disk: "), e.getMessage());
            assertTrue(e.getMessage().contains("gone"), e.getMessage());
        }
    }

    @Test
    void aSpillStopsBeforeTheDiskFillsUp(@TempDir Path dir) {
        int width = 8;
        // A reserve larger than any disk: the first spill already finds too little left.
        try (StateQueue q = new StateQueue(width, 1 << 20, dir, Long.MAX_VALUE / 2)) {
            int[] rec = new int[width];
            StateQueue.SpillFailed e = assertThrows(StateQueue.SpillFailed.class, () -> {
                for (int i = 0; i < 1_000_000; i++) q.push(rec);
            });
            assertTrue(e.getMessage().contains("free for everything else"), e.getMessage());
            assertEquals(0, q.spilledBytes());
        }
    }

    @Test
    void aBigQueueUnderASmallLimitKeepsLittleInMemory() {
        int width = 8;
        try (StateQueue q = new StateQueue(width, 1 << 20)) {
            int[] rec = new int[width];
            for (int i = 0; i < 1_000_000; i++) {
                rec[0] = i;
                q.push(rec);
            }
            assertTrue(q.spilledBytes() > 20_000_000L, "spilled " + q.spilledBytes());
            assertTrue(q.bytes() < 3L * 4 * (1 << 20) + (1 << 20), "in memory " + q.bytes());
            for (int i = 0; i < 1_000_000; i++) {
                assertTrue(q.pop(rec));
                assertEquals(i, rec[0]);
            }
        }
    }

    @Property
    void stackMatchesArrayDeque(@ForAll @IntRange(min = 0, max = 5) int width,
                                @ForAll @Size(max = 3000) List<@IntRange(min = -3, max = 1000) Integer> ops) {
        StateStack s = new StateStack(width);
        ArrayDeque<int[]> model = new ArrayDeque<>();
        int[] out = new int[width];
        for (int op : ops) {
            if (op > 0) {
                int[] rec = record(op, width);
                s.push(rec);
                model.addLast(rec);
            } else {
                boolean got = s.pop(out);
                assertEquals(!model.isEmpty(), got);
                if (got) assertArrayEquals(model.pollLast(), out);
            }
            assertEquals(model.size(), s.size());
        }
    }

    @Test
    void queueReleasesConsumedChunks() {
        StateQueue q = new StateQueue(4);
        int[] rec = new int[4];
        for (int i = 0; i < 1_000_000; i++) {
            rec[0] = i;
            q.push(rec);
        }
        long full = q.bytes();
        for (int i = 0; i < 900_000; i++) {
            assertTrue(q.pop(rec));
            assertEquals(i, rec[0]);
        }
        // One read-out chunk (4 MiB) is kept for reuse; the rest must go.
        assertTrue(q.bytes() < full / 2 + 4L * (1 << 20), "consumed chunks should be released");
    }

    @Test
    void pushFromOffset() {
        StateQueue q = new StateQueue(2);
        q.push(new int[] {9, 1, 2, 9}, 1);
        int[] out = new int[4];
        assertTrue(q.pop(out, 2));
        assertArrayEquals(new int[] {0, 0, 1, 2}, out);
    }

    private static int[] record(int seed, int width) {
        int[] r = new int[width];
        for (int i = 0; i < width; i++) r[i] = seed * 31 + i;
        return r;
    }
}
