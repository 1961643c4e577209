package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uffdcheck.engine.PropertyId;

/**
 * What the workers of a breadth-first search found: violating states and witnesses of reachability
 * properties, each kept as where its shortest trace ends (a stored state id plus, for a state that
 * was not stored, which successor of it). Several workers may find several candidates in one level;
 * the one kept is the least by (depth, fingerprint), so the choice does not depend on scheduling.
 * Across properties the order is (depth, property index), deadlock after the others.
 */
final class Findings {
    static final int DEADLOCK_INDEX = Integer.MAX_VALUE;

    /** Where a trace ends: at state id, or at its successor number ordinal when ordinal >= 0. */
    record End(int property, PropertyId what, int depth, long fp, long id, int ordinal) {
        boolean before(End o) {
            if (depth != o.depth) return depth < o.depth;
            return Long.compareUnsigned(fp, o.fp) < 0;
        }
    }

    private final List<End> violations = new ArrayList<>();
    private final End[] witnesses;
    /** Depth of the shallowest violation seen, or MAX_VALUE; read without the lock by workers. */
    private volatile int violationDepth = Integer.MAX_VALUE;

    Findings(int reachables) {
        witnesses = new End[reachables];
    }

    synchronized void violation(End e) {
        for (int i = 0; i < violations.size(); i++) {
            End o = violations.get(i);
            if (o.property() == e.property()) {
                if (e.before(o)) violations.set(i, e);
                return;
            }
        }
        violations.add(e);
        if (e.depth() < violationDepth) violationDepth = e.depth();
    }

    boolean anyViolation() {
        return violationDepth != Integer.MAX_VALUE;
    }

    /** Whether witness i could still improve on what is known by a state at this depth. */
    boolean wantsWitness(int i, int depth) {
        End w = witnesses[i];
        return w == null || w.depth() >= depth;
    }

    synchronized void witness(int i, End e) {
        End w = witnesses[i];
        if (w == null || e.before(w)) witnesses[i] = e;
    }

    /** The violations, the first the one to report: shallowest, then by property index. */
    synchronized List<End> violations() {
        End[] sorted = violations.toArray(new End[0]);
        Arrays.sort(sorted, (a, b) -> a.depth() != b.depth() ? Integer.compare(a.depth(), b.depth())
                : Integer.compare(a.property(), b.property()));
        return List.of(sorted);
    }

    synchronized End witness(int i) {
        return witnesses[i];
    }
}
