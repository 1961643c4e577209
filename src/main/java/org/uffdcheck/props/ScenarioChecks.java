package org.uffdcheck.props;

import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;

/**
 * The properties a scenario checks: runtime faults (always), its invariants, deadlock freedom
 * when listed, and its reachability properties. What a violation of each means is decided here
 * alone: the searches ask violation() and deadlocked(), replay and counterexamples ask violated().
 */
public final class ScenarioChecks implements StateChecks {
    private static final Fault[] FAULTS = Fault.values();
    private final CompiledScenario cs;
    private final List<String> invariants;
    private final List<String> reachables;
    private final int invariantCount;

    public ScenarioChecks(CompiledScenario cs) {
        this.cs = cs;
        this.invariants = cs.invariantNames();
        this.reachables = cs.reachableNames();
        this.invariantCount = invariants.size();
    }

    /**
     * A faulting state violates only its fault (its path ends there); otherwise the first false
     * invariant, then a leak at a valid end.
     */
    @Override
    public int violation(int[] state) {
        Fault f = cs.fault(state);
        if (f != null) return f.ordinal();
        for (int i = 0; i < invariantCount; i++) {
            if (!cs.invariantHolds(i, state)) return FAULTS.length + i;
        }
        if (leaksAtEnd(state)) return Fault.LEAK.ordinal();
        return OK;
    }

    private boolean leaksAtEnd(int[] state) {
        return cs.isValidEnd(state) && cs.leaks(state);
    }

    @Override
    public PropertyId property(int index) {
        return index < FAULTS.length ? PropertyId.of(FAULTS[index]) : PropertyId.of(invariants.get(index - FAULTS.length));
    }

    /**
     * The property named name that state, the last of a trace, violates as the search judges it,
     * or null. faultKind (use_after_free) narrows a name that several faults share; null accepts
     * any of them. A deadlock is judged on the state's successors in the scenario as it is.
     */
    public PropertyId violated(int[] state, String name, String faultKind) {
        if (name.equals(PropertyId.DEADLOCK.name())) {
            int successors = cs.newStepper().successors(state, (next, label) -> { });
            return deadlocked(state, successors) ? PropertyId.DEADLOCK : null;
        }
        Fault f = cs.fault(state);
        if (f != null) return f.property.equals(name) && (faultKind == null || f.kind.equals(faultKind)) ? PropertyId.of(f) : null;
        int i = invariants.indexOf(name);
        if (i >= 0) return cs.invariantHolds(i, state) ? null : PropertyId.of(name);
        boolean leakAsked = Fault.LEAK.property.equals(name) && (faultKind == null || Fault.LEAK.kind.equals(faultKind));
        return leakAsked && leaksAtEnd(state) ? PropertyId.of(Fault.LEAK) : null;
    }

    @Override public boolean checksDeadlock() { return cs.checksDeadlock(); }

    @Override public boolean isValidEnd(int[] state) { return cs.isValidEnd(state); }

    @Override public int reachableCount() { return reachables.size(); }

    @Override public String reachableName(int index) { return reachables.get(index); }

    @Override public boolean reached(int index, int[] state) { return cs.reached(index, state); }
}
