package org.uffdcheck.explore;

import java.util.List;
import java.util.Locale;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.engine.Witness;
import org.uffdcheck.state.BitStateSet;
import org.uffdcheck.state.VisitedSet;

/** Turns what a search saw into a result, in one place so the strategies agree. */
final class Verdict {
    private Verdict() {}

    /** violated: null when nothing was; trace: how it was reached. */
    static List<Violation> violations(PropertyId violated, Execution trace) {
        return violated == null ? List.of() : List.of(new Violation(violated, trace));
    }

    /**
     * The result of an exhaustive search. A violation outranks everything; an interrupted or
     * bounded search cannot claim that a reachability property is unreachable, only a complete one
     * can; and a complete bit-state search proves nothing either, so it says how much it probably
     * saw instead. violations: shallowest first; the first is the one the result names.
     */
    static ExploreResult of(List<Violation> violations, RunControl control, Bound bound,
                            Stats stats, List<Witness> witnesses, VisitedSet visited) {
        ExploreResult found = violationOrInterrupted(violations, control, stats, witnesses);
        if (found != null) return found;
        Bound why = control.timedOut() != null ? control.timedOut() : bound;
        if (why != null) {
            return new ExploreResult(Status.BOUND_REACHED, null, null, why, null, stats, witnesses);
        }
        if (visited instanceof BitStateSet set) {
            return new ExploreResult(Status.NO_VIOLATION_FOUND, null, null, null, describe(set), stats, witnesses);
        }
        for (Witness w : witnesses) {
            if (!w.found()) {
                return new ExploreResult(Status.VIOLATION, w.name(), null, null, null, stats, witnesses, List.of(new Violation(w.id(), null)));
            }
        }
        return new ExploreResult(Status.HOLDS, null, null, null, null, stats, witnesses);
    }

    /**
     * The result of random walks. They prove nothing, so a limit is not a bound that withheld a
     * verdict: without a violation the result is "none found", naming the limit that ended them.
     */
    static ExploreResult sampled(List<Violation> violations, RunControl control, Bound bound,
                                 Stats stats, List<Witness> witnesses) {
        ExploreResult found = violationOrInterrupted(violations, control, stats, witnesses);
        if (found != null) return found;
        Bound why = control.timedOut() != null ? control.timedOut() : bound;
        return new ExploreResult(Status.NO_VIOLATION_FOUND, null, null, why, null, stats, witnesses);
    }

    private static ExploreResult violationOrInterrupted(List<Violation> violations, RunControl control,
                                                        Stats stats, List<Witness> witnesses) {
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            return new ExploreResult(Status.VIOLATION, v.property(), v.trace(), null, null, stats, witnesses, violations);
        }
        if (control.interrupted()) {
            return new ExploreResult(Status.INTERRUPTED, null, null, null, null, stats, witnesses);
        }
        return null;
    }

    private static String describe(BitStateSet set) {
        return String.format(Locale.ROOT,
                "bit-state search, incomplete: estimated coverage %.2f%%, hash factor %.1f (2^%d bits, %d hash functions)",
                100 * set.estimatedCoverage(), set.hashFactor(), set.bits(), set.hashes());
    }
}
