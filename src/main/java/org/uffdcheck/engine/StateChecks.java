package org.uffdcheck.engine;

/**
 * What must hold of every reachable state. The explorer asks these questions and knows nothing of
 * what the properties mean.
 */
public interface StateChecks {
    int OK = -1;

    /** The index of a safety property this state violates, or OK. Called on every new state. */
    int violation(int[] state);

    /** The property at an index returned by violation(): distinct indexes, distinct identities. */
    PropertyId property(int index);

    /** Whether a state with no successors is a deadlock to report. */
    boolean checksDeadlock();

    /** For a state with no successors: true when every thread has finished or rests where allowed. */
    boolean isValidEnd(int[] state);

    /** Whether a state with this many successors is a deadlock to report: every search and replay ask this. */
    default boolean deadlocked(int[] state, int successors) {
        return successors == 0 && checksDeadlock() && !isValidEnd(state);
    }

    /** Reachability properties: "this can happen", satisfied by one witness state. */
    int reachableCount();

    /** The reachability property at an index, of kind REACHABLE. */
    PropertyId reachable(int index);

    boolean reached(int index, int[] state);

    /** Liveness properties (eventually, leadsto): judged on the runs of the whole graph after the search. */
    default int livenessCount() {
        return 0;
    }

    /** The liveness property at an index, of kind EVENTUALLY or LEADSTO. */
    default PropertyId liveness(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /** Whether a run of liveness property index starts owing its goal here: a leadsto's premise holds. */
    default boolean livePremise(int index, int[] state) {
        return false;
    }

    /** Whether liveness property index's goal holds here. */
    default boolean liveGoal(int index, int[] state) {
        return true;
    }
}
