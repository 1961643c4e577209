package org.uffdcheck.state;

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

    private OffHeapBytes[] chunks = new OffHeapBytes[4];
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
        long at = (long) ((int) id & MASK) * RECORD;
        OffHeapBytes b = room(c, at);
        if (b == null) return false;
        b.putInt(at, (int) parent);
        if (ordinal >= ESCAPE) {
            bigOrdinals.put(id, ordinal);
            ordinal = ESCAPE;
        }
        b.put(at + 4, (byte) ordinal);
        size = id + 1;
        return true;
    }

    /** The parent of id, or -1 for the initial state. */
    public long parent(long id) {
        check(id);
        int p = chunks[(int) (id >>> CHUNK_BITS)].getInt((long) ((int) id & MASK) * RECORD);
        return p == -1 ? -1 : p & 0xFFFF_FFFFL;
    }

    /** Which successor of its parent id is. */
    public int ordinal(long id) {
        check(id);
        int o = chunks[(int) (id >>> CHUNK_BITS)].get((long) ((int) id & MASK) * RECORD + 4) & 0xFF;
        return o == ESCAPE ? bigOrdinals.get(id) : o;
    }

    public long size() {
        return size;
    }

    /** Releases the memory; no use afterwards. */
    public void free() {
        budget.release(bytes);
        for (OffHeapBytes b : chunks) if (b != null) b.free();
        chunks = new OffHeapBytes[0];
        size = 0;
        bytes = 0;
    }

    public long bytes() {
        return bytes;
    }

    private void check(long id) {
        if (id < 0 || id >= size) throw new IndexOutOfBoundsException("id " + id + ", size " + size);
    }

    /** The chunk c with room for a record at byte at, or null when the budget refuses it. */
    private OffHeapBytes room(int c, long at) {
        if (c >= chunks.length) {
            OffHeapBytes[] bigger = new OffHeapBytes[Math.max(4, chunks.length * 2)];
            System.arraycopy(chunks, 0, bigger, 0, chunks.length);
            chunks = bigger;
        }
        OffHeapBytes b = chunks[c];
        if (b != null && at < b.length()) return b;
        // The first chunk starts small and doubles, so that small searches stay small.
        long records = c > 0 ? CHUNK : b == null ? FIRST_RECORDS : Math.min(CHUNK, 2 * (b.length() / RECORD));
        if (!budget.reserve(records * RECORD)) return null;
        OffHeapBytes fresh = new OffHeapBytes(records * RECORD);
        if (b != null) {
            fresh.copyFrom(b, b.length());
            bytes -= b.length();
            budget.release(b.length());
            b.free();
        }
        bytes += fresh.length();
        chunks[c] = fresh;
        return fresh;
    }
}
