package org.uffdcheck.state;

import java.util.ArrayDeque;

/**
 * A FIFO of fixed-width int records, such as the frontier of a breadth-first search. Records are
 * packed into chunks; a chunk is dropped as soon as it has been read, so memory follows what is
 * queued now rather than everything ever queued. Chunks start small and double up to about 1M
 * ints, so a small queue stays small and a huge one never copies.
 */
public final class StateQueue {
    private static final int MAX_CHUNK_INTS = 1 << 20;
    private static final int FIRST_CHUNK_RECORDS = 64;

    private final int width;
    private final int maxRecords;
    private final ArrayDeque<int[]> chunks = new ArrayDeque<>();
    private int nextRecords;
    private int[] head;
    private int headRecords;
    private int readRec;
    private int[] tail;
    private int tailRecords;
    private int writeRec;
    private long size;
    private long bytes;

    public StateQueue(int width) {
        if (width < 0) throw new IllegalArgumentException("width " + width);
        this.width = width;
        this.maxRecords = Math.max(1, MAX_CHUNK_INTS / Math.max(1, width));
        this.nextRecords = Math.min(FIRST_CHUNK_RECORDS, maxRecords);
    }

    public int width() {
        return width;
    }

    public void push(int[] src) {
        push(src, 0);
    }

    /** Appends the record src[off .. off + width). */
    public void push(int[] src, int off) {
        if (width == 0) {
            size++;
            return;
        }
        if (tail == null || writeRec == tailRecords) addChunk();
        System.arraycopy(src, off, tail, writeRec * width, width);
        writeRec++;
        size++;
    }

    public boolean pop(int[] dst) {
        return pop(dst, 0);
    }

    /** Removes the oldest record into dst[off .. off + width); false when empty. */
    public boolean pop(int[] dst, int off) {
        if (size == 0) return false;
        if (width == 0) {
            size--;
            return true;
        }
        if (readRec == headRecords) dropHead();
        System.arraycopy(head, readRec * width, dst, off, width);
        readRec++;
        size--;
        return true;
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Memory held by live chunks. */
    public long bytes() {
        return bytes;
    }

    private void addChunk() {
        tailRecords = nextRecords;
        nextRecords = Math.min(maxRecords, nextRecords * 2);
        tail = new int[tailRecords * width];
        writeRec = 0;
        bytes += 4L * tail.length;
        chunks.addLast(tail);
        if (head == null) {
            head = tail;
            headRecords = tailRecords;
            readRec = 0;
        }
    }

    /** The head chunk is used up: release it and read from the next (never empty here). */
    private void dropHead() {
        chunks.pollFirst();
        bytes -= 4L * head.length;
        head = chunks.peekFirst();
        headRecords = head.length / width;
        readRec = 0;
    }
}
