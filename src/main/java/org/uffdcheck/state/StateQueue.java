package org.uffdcheck.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * A FIFO of fixed-width int records, such as the frontier of a breadth-first search. Records are
 * packed into chunks; a chunk is dropped as soon as it has been read, so memory follows what is
 * queued now rather than everything ever queued. Chunks start small and double up to about 1M
 * ints, so a small queue stays small and a huge one never copies.
 *
 * <p>Once the chunks in memory pass a limit, further full chunks go to a temporary file (deleted
 * when the queue is closed or the JVM exits) and are read back in order: the queue is, from the
 * head, the chunk being read, full chunks in memory, chunks on disk, the chunk being filled. The
 * reader may be in the chunk being filled, as in a search whose levels are small.
 */
public final class StateQueue implements AutoCloseable {
    private static final int MAX_CHUNK_INTS = 1 << 20;
    private static final int FIRST_CHUNK_RECORDS = 64;

    private final int width;
    private final int maxRecords;
    private final long memoryLimit;
    private final ArrayDeque<int[]> full = new ArrayDeque<>();
    private final ArrayDeque<Integer> fullRecords = new ArrayDeque<>();
    /** Read-out full-size chunks kept for reuse, so a queue in steady state allocates nothing. */
    private final ArrayDeque<int[]> spares = new ArrayDeque<>();
    private static final int MAX_SPARES = 1;
    private int nextRecords;
    private int[] head;
    private int headRecords;
    private int readRec;
    private int[] tail;
    private int writeRec;
    private long size;
    private long bytes;

    private FileChannel disk;
    private Path diskPath;
    private FileStore diskStore;
    private final Path spillDir;
    /** Free disk space a spill never eats into: a model's frontier must not fill the user's disk. */
    private final long diskReserve;
    static final long DISK_RESERVE = 1L << 30;
    private ByteBuffer io;
    private final ArrayDeque<Integer> diskRecords = new ArrayDeque<>();
    private long diskRead;
    private long diskWrite;

    public StateQueue(int width) {
        this(width, Long.MAX_VALUE);
    }

    /** A queue that keeps about memoryLimit bytes of chunks in memory and spills the rest. */
    public StateQueue(int width, long memoryLimit) {
        this(width, memoryLimit, null, DISK_RESERVE);
    }

    /**
     * As above, spilling into spillDir (null: the system's temporary directory) while at least
     * diskReserve bytes stay free there.
     */
    StateQueue(int width, long memoryLimit, Path spillDir, long diskReserve) {
        this.spillDir = spillDir;
        this.diskReserve = diskReserve;
        if (width < 0) throw new IllegalArgumentException("width " + width);
        if (memoryLimit < 0) throw new IllegalArgumentException("memoryLimit " + memoryLimit);
        this.width = width;
        this.memoryLimit = memoryLimit;
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
        if (tail == null) newTail();
        else if (writeRec * width == tail.length) retireTail();
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
        if (head == null || readRec == (head == tail ? writeRec : headRecords)) nextHead();
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

    /** Memory held by chunks in memory, spares included. */
    public long bytes() {
        return bytes;
    }

    /** Bytes waiting in the spill file. */
    public long spilledBytes() {
        return diskWrite - diskRead;
    }

    private void newTail() {
        int records = nextRecords;
        nextRecords = Math.min(maxRecords, nextRecords * 2);
        if (records == maxRecords && !spares.isEmpty()) {
            tail = spares.pollFirst();
        } else {
            tail = new int[records * width];
            bytes += 4L * tail.length;
        }
        writeRec = 0;
    }

    /** The tail chunk is full: keep it in memory while there is room and nothing on disk, else spill it. */
    private void retireTail() {
        if (head == tail) {
            // The reader is still in this chunk: it keeps it, and the writer moves on.
            headRecords = writeRec;
            newTail();
            return;
        }
        if (diskWrite == diskRead && bytes + 4L * tail.length <= memoryLimit) {
            full.addLast(tail);
            fullRecords.addLast(writeRec);
            newTail();
            return;
        }
        spill(tail, writeRec);
        writeRec = 0;
    }

    private void nextHead() {
        if (head != null && head != tail) {
            if (head.length == maxRecords * width && spares.size() < MAX_SPARES) spares.addLast(head);
            else bytes -= 4L * head.length;
        }
        if (!full.isEmpty()) {
            head = full.pollFirst();
            headRecords = fullRecords.pollFirst();
        } else if (diskWrite > diskRead) {
            headRecords = diskRecords.pollFirst();
            head = spares.isEmpty() ? null : spares.pollFirst();
            if (head == null || head.length < headRecords * width) {
                head = new int[headRecords * width];
                bytes += 4L * head.length;
            }
            unspill(head, headRecords);
        } else {
            // Only the tail is left: reader and writer share it until it is full.
            head = tail;
        }
        readRec = 0;
    }

    private void spill(int[] chunk, int records) {
        try {
            if (disk == null) {
                diskPath = spillDir == null ? Files.createTempFile("uffdcheck-queue-", ".bin")
                        : Files.createTempFile(spillDir, "uffdcheck-queue-", ".bin");
                diskPath.toFile().deleteOnExit();
                // The directory's: on Linux DELETE_ON_CLOSE unlinks the file as soon as it is open.
                diskStore = Files.getFileStore(diskPath.toAbsolutePath().getParent());
                disk = FileChannel.open(diskPath, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                io = ByteBuffer.allocateDirect(4 * MAX_CHUNK_INTS + 4 * Math.max(1, width))
                        .order(ByteOrder.nativeOrder());
            }
            long need = 4L * records * width;
            long free = diskStore.getUsableSpace();
            if (free - need < diskReserve) {
                throw new IOException("the disk keeps " + MemoryBudget.format(diskReserve) + " free for everything else and has "
                        + MemoryBudget.format(free) + " left (the spill file holds " + MemoryBudget.format(diskWrite) + ")");
            }
            io.clear();
            io.asIntBuffer().put(chunk, 0, records * width);
            io.limit(4 * records * width);
            while (io.hasRemaining()) diskWrite += disk.write(io, diskWrite);
            diskRecords.addLast(records);
        } catch (IOException e) {
            throw new SpillFailed("cannot spill the state queue to disk", e);
        }
    }

    private void unspill(int[] chunk, int records) {
        try {
            io.clear();
            io.limit(4 * records * width);
            while (io.hasRemaining()) {
                int n = disk.read(io, diskRead);
                if (n < 0) throw new IOException("spill file ended early");
                diskRead += n;
            }
            io.flip();
            io.asIntBuffer().get(chunk, 0, records * width);
            if (diskRead == diskWrite) {
                // Drained: start the file over so it never holds more than what is waiting.
                disk.truncate(0);
                diskRead = 0;
                diskWrite = 0;
            }
        } catch (IOException e) {
            throw new SpillFailed("cannot read the state queue back from disk", e);
        }
    }

    /**
     * The disk under the spill file failed (full, removed, unreadable): a limit of the machine, which
     * a search reports as a bound with what it reached, like running out of memory.
     */
    public static final class SpillFailed extends UncheckedIOException {
        SpillFailed(String what, IOException cause) {
            super(what + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
    }

    /** Deletes the spill file, if any. */
    @Override
    public void close() {
        if (disk == null) return;
        try {
            disk.close();
            Files.deleteIfExists(diskPath);
        } catch (IOException e) {
            // The file is also marked delete-on-exit.
        }
        disk = null;
    }
}
