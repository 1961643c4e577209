package org.uffdcheck.compile;

/**
 * How a lock is held, packed in the one int of the state that the lock is. Everything that reads
 * or writes lock values goes through here.
 *
 * An rw-semaphore is FREE, or -(t + 1) while thread t holds it for writing, or else a mask with
 * bit t set for each thread t holding it for reading: readers are a set so that releasing one
 * that is not held can be caught, and the sign bit is the writer's, which leaves READER_BITS
 * threads. A spinlock is FREE or t + 1 while thread t holds it.
 */
public final class LockWord {
    public static final int FREE = 0;
    /** Thread numbers an rwsem's reader mask can hold. */
    public static final int READER_BITS = 31;

    private LockWord() {}

    /** Whether a reader can take the rwsem now: no writer holds it. */
    public static boolean readable(int v) { return v >= 0; }

    public static boolean writeLocked(int v) { return v < 0; }

    public static int writeLockedBy(int t) { return -(t + 1); }

    /** The thread holding a write-locked rwsem. */
    public static int writer(int v) { return -v - 1; }

    /** Whether thread t holds the rwsem for reading. */
    public static boolean readBy(int v, int t) { return v > 0 && (v & (1 << t)) != 0; }

    public static int withReader(int v, int t) { return v | 1 << t; }

    public static int withoutReader(int v, int t) { return v & ~(1 << t); }

    /** Whether thread t holds the rwsem, for reading or writing. */
    public static boolean holds(int v, int t) { return v == writeLockedBy(t) || readBy(v, t); }

    public static int spinLockedBy(int t) { return t + 1; }

    /** The thread holding a spinlock that is not FREE. */
    public static int spinHolder(int v) { return v - 1; }

    /** A spinlock's value with the threads numbered t renumbered tp[t]. */
    static int renameSpin(int v, int[] tp, int threads) {
        return v > 0 && v <= threads ? spinLockedBy(tp[spinHolder(v)]) : v;
    }

    /** An rwsem's value with the threads numbered t renumbered tp[t]. */
    static int renameRwsem(int v, int[] tp, int threads) {
        if (v == FREE) return v;
        if (writeLocked(v)) {
            int w = writer(v);
            return w < threads ? writeLockedBy(tp[w]) : v;
        }
        int out = v;
        for (int t = 0; t < threads && t < READER_BITS; t++) out = withoutReader(out, t);
        for (int t = 0; t < threads && t < READER_BITS; t++) if (readBy(v, t)) out = withReader(out, tp[t]);
        return out;
    }
}
