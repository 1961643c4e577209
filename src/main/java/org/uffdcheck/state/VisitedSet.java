package org.uffdcheck.state;

/**
 * The fingerprints a search has seen. add may be called from several threads at once; grow only
 * when no add is in flight (a search stops its workers at a safe point between two states).
 */
public interface VisitedSet {
    /** Adds fp; true if it was not there before. */
    boolean add(long fp);

    /**
     * Reads the memory where fp would go, without changing anything, and returns what it read.
     * A search that touches all successors of a state this way before adding them lets the
     * processor wait for several cache misses at once instead of one after the other.
     */
    long touch(long fp);

    /** Distinct fingerprints added. */
    long size();

    /** Memory held. */
    long bytes();

    /** True when the set is full enough that grow() should run before more adds. */
    boolean wantsGrowth();

    /**
     * Makes room; a set that cannot grow does nothing. False when its memory budget refuses the
     * room, and the set is then as it was.
     */
    boolean grow();

    /** Releases off-heap memory; the set must not be used afterwards. */
    void free();
}
