package org.uffdcheck.engine;

import java.util.List;

/**
 * The verdict of a search. property names the violated property ("deadlock" for a deadlock, or a
 * reachability property never reached, which has no trace); trace leads to the offending state
 * when there is one; bound says what stopped the search (always for BOUND_REACHED, and for a
 * simulation stopped by a limit); coverage says how much of the state space a bit-state search
 * that found nothing probably saw. violations holds every property found violated with a
 * shortest trace each (more than one only with ExploreOptions.all()); the first is property/trace.
 */
public record ExploreResult(Status status, String property, Execution trace, Bound bound, String coverage, Stats stats,
                            List<Witness> witnesses, List<Violation> violations) {

    public enum Status {
        /** Every reachable state was checked and all properties hold. */
        HOLDS,
        VIOLATION,
        /** A bound cut the search short before any violation was seen. */
        BOUND_REACHED,
        INTERRUPTED,
        /** Random simulation or a bit-state search saw nothing wrong, which proves nothing. */
        NO_VIOLATION_FOUND
    }

    public static final String DEADLOCK = PropertyId.DEADLOCK.name();
    public static final String NEVER_REACHED = "never reached";

    public ExploreResult {
        if (status == Status.BOUND_REACHED && bound == null) throw new IllegalArgumentException("a bound result without its bound");
        witnesses = List.copyOf(witnesses);
        violations = List.copyOf(violations);
    }

    /** A result with at most the one violation given by property and trace. */
    public ExploreResult(Status status, String property, Execution trace, Bound bound, String coverage, Stats stats,
                         List<Witness> witnesses) {
        this(status, property, trace, bound, coverage, stats, witnesses,
                status == Status.VIOLATION && property != null ? List.of(new Violation(PropertyId.named(property), trace)) : List.of());
    }

    public boolean violated() {
        return status == Status.VIOLATION;
    }
}
