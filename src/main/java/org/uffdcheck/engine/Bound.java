package org.uffdcheck.engine;

/**
 * What stopped a search before its verdict: a limit the user set, or room that ran out. limit is
 * how the limit reads ("10", "2.5s", "300 MiB"), or for DISK why the spill failed; the words
 * around it are the printer's.
 */
public record Bound(Kind kind, String limit) {
    public enum Kind {
        /** --max-states. */
        STATES,
        /** The store numbers states with ids that ran out; no limit of the user's. */
        STATE_IDS,
        /** --max-depth. */
        DEPTH,
        /** --time-limit. */
        TIME,
        /** The memory budget (--max-memory or the default one). */
        MEMORY,
        /** The Java heap filled before the budget did; limit is the heap's size. */
        HEAP,
        /** The state queue could not spill to disk. */
        DISK
    }

    public Bound {
        if (kind == null) throw new IllegalArgumentException("kind is null");
        if (limit == null) throw new IllegalArgumentException("limit is null");
    }

    public static Bound states(long n) { return new Bound(Kind.STATES, Long.toString(n)); }

    public static Bound stateIds() { return new Bound(Kind.STATE_IDS, ""); }

    public static Bound depth(int d) { return new Bound(Kind.DEPTH, Integer.toString(d)); }

    /** "5s" for whole seconds, "2.5s" otherwise. */
    public static Bound time(double seconds) {
        return new Bound(Kind.TIME, seconds == Math.rint(seconds) ? (long) seconds + "s" : seconds + "s");
    }
}
