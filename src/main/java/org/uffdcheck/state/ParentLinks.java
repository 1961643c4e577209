package org.uffdcheck.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * For each state id, the id of the state it was first reached from and which of that state's
 * successors it was (its position in successor order): five bytes per state, off the heap, which
 * is all a breadth-first search needs to rebuild a shortest trace. Positions past 254 are rare
 * (a state with that many successors) and go to a side map. Ids are unsigned ints, so a store
 * holds at most 2^32 - 1 states. One writer at a time; readers after the writer is done.
 */
public final class ParentLinks {
    public static final long MAX_STATES = 0xFFFF_FFFFL;
    private static final int CHUNK_BITS = 22;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int RECORD = 5;
    private static final int ESCAPE = 255;

    private ByteBuffer[] chunks = new ByteBuffer[4];
    private static final int FIRST_RECORDS = 1024;
    private final Map<Long, Integer> bigOrdinals = new HashMap<>();
    private long size;
    private long bytes;
    private final MemoryBudget budget;

    public ParentLinks() {
        this(MemoryBudget.unlimited());
    }

    /** Links whose every new chunk is first reserved in budget. */
    public ParentLinks(MemoryBudget budget) {
        this.budget = budget;
    }

    /**
     * Appends the links of state id size(); parent -1 marks the initial state. False, adding
     * nothing, when the memory budget refuses the chunk the record needs.
     */
    public boolean add(long parent, int ordinal) {
        if (size >= MAX_STATES) throw new IllegalStateException("more than " + MAX_STATES + " states");
        long id = size;
        int c = (int) (id >>> CHUNK_BITS);
        int r = (int) id & MASK;
        ByteBuffer b = room(c, r);
        if (b == null) return false;
        b.putInt(r * RECORD, (int) parent);
        if (ordinal >= ESCAPE) {
            bigOrdinals.put(id, ordinal);
            ordinal = ESCAPE;
        }
        b.put(r * RECORD + 4, (byte) ordinal);
        size = id + 1;
        return true;
    }

    /** The parent of id, or -1 for the initial state. */
    public long parent(long id) {
        check(id);
        int p = chunks[(int) (id >>> CHUNK_BITS)].getInt(((int) id & MASK) * RECORD);
        return p == -1 ? -1 : p & 0xFFFF_FFFFL;
    }

    /** Which successor of its parent id is. */
    public int ordinal(long id) {
        check(id);
        int o = chunks[(int) (id >>> CHUNK_BITS)].get(((int) id & MASK) * RECORD + 4) & 0xFF;
        return o == ESCAPE ? bigOrdinals.get(id) : o;
    }

    public long size() {
        return size;
    }

    /** Releases the memory; no use afterwards. */
    public void free() {
        budget.releaseDirect(bytes);
        for (ByteBuffer b : chunks) DirectMemory.release(b);
        chunks = new ByteBuffer[0];
        size = 0;
        bytes = 0;
    }

    public long bytes() {
        return bytes;
    }

    private void check(long id) {
        if (id < 0 || id >= size) throw new IndexOutOfBoundsException("id " + id + ", size " + size);
    }

    private ByteBuffer room(int c, int r) {
        if (c >= chunks.length) {
            ByteBuffer[] bigger = new ByteBuffer[Math.max(4, chunks.length * 2)];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        ByteBuffer b = chunks[c];
        if (b != null && r * RECORD < b.capacity()) return b;
        // The first chunk starts small and doubles, so that small searches stay small.
        int records = c > 0 ? CHUNK : b == null ? FIRST_RECORDS : Math.min(CHUNK, 2 * (b.capacity() / RECORD));
        if (!budget.reserveDirect((long) records * RECORD)) return null;
        ByteBuffer fresh = ByteBuffer.allocateDirect(records * RECORD).order(ByteOrder.nativeOrder());
        if (b != null) {
            fresh.put(b.duplicate().clear());
            fresh.clear();
            bytes -= b.capacity();
            budget.releaseDirect(b.capacity());
            DirectMemory.release(b);
        }
        bytes += fresh.capacity();
        chunks[c] = fresh;
        return fresh;
    }
}
