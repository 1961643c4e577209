package org.uffdcheck.lang.check;

/**
 * The limit on the size of a state, shared by the checker (which locates a type, struct, pool or
 * procedure that passes it) and the compiler (which adds up a scenario's whole state). Sizes are
 * added and multiplied as longs and compared with the limit before they become ints, so no size
 * can wrap around to a small or negative one.
 */
public final class Sizes {
    /**
     * At most 65,536 int slots (256 KiB) per state: two orders of magnitude above the largest
     * shipped model, while a search still copies, hashes and queues whole states at a useful rate.
     * Stack objects are keyed by (thread, frame offset) in 16 bits of offset, which this limit
     * also keeps exact.
     */
    public static final int MAX_STATE_SLOTS = 1 << 16;

    private Sizes() {}

    public static boolean fits(long slots) {
        return slots <= MAX_STATE_SLOTS;
    }

    /** The end of a message saying that something needs this many slots. */
    public static String over(Object slots) {
        return slots + " state slots; a state may have at most " + MAX_STATE_SLOTS;
    }
}
