package org.uffdcheck.explore;

import java.util.List;

/**
 * The verdict of a search. property names the violated property ("deadlock" for a deadlock, or a
 * reachability property never reached); trace leads to the offending state when there is one;
 * detail says which bound stopped the search, or "never reached".
 */
public record ExploreResult(
        Status status, String property, Trace trace, String detail, Stats stats, List<Witness> witnesses) {

    public enum Status {
        /** Every reachable state was checked and all properties hold. */
        HOLDS,
        VIOLATION,
        /** A bound cut the search short before any violation was seen. */
        BOUND_REACHED,
        INTERRUPTED,
        /** Random simulation saw nothing wrong, which proves nothing. */
        NO_VIOLATION_FOUND
    }

    public static final String DEADLOCK = "deadlock";
    public static final String NEVER_REACHED = "never reached";

    public ExploreResult {
        witnesses = List.copyOf(witnesses);
    }

    public boolean violated() {
        return status == Status.VIOLATION;
    }
}
