package org.uffdcheck.explore;

import java.util.List;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.engine.Witness;

/** Turns what an exhaustive search saw into a result, in one place so BFS and DFS agree. */
final class Verdict {
    private Verdict() {}

    /**
     * A violation outranks everything; an interrupted or bounded search cannot claim that a
     * reachability property is unreachable, only a complete one can.
     */
    static ExploreResult of(PropertyId violated, Execution trace, RunControl control, Bound bound,
                            Stats stats, List<Witness> witnesses) {
        List<Violation> vs = violated == null ? List.of() : List.of(new Violation(violated, trace));
        return of(vs, control, bound, stats, witnesses);
    }

    /** violations: shallowest first; the first is the one the result names. */
    static ExploreResult of(List<Violation> violations, RunControl control, Bound bound,
                            Stats stats, List<Witness> witnesses) {
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            return new ExploreResult(Status.VIOLATION, v.property(), v.trace(), null, null, stats, witnesses, violations);
        }
        if (control.interrupted()) {
            return new ExploreResult(Status.INTERRUPTED, null, null, null, null, stats, witnesses);
        }
        Bound why = control.timedOut() != null ? control.timedOut() : bound;
        if (why != null) {
            return new ExploreResult(Status.BOUND_REACHED, null, null, why, null, stats, witnesses);
        }
        for (Witness w : witnesses) {
            if (!w.found()) {
                return new ExploreResult(Status.VIOLATION, w.name(), null, null, null, stats, witnesses);
            }
        }
        return new ExploreResult(Status.HOLDS, null, null, null, null, stats, witnesses);
    }
}
