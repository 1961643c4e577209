package org.uffdcheck.props;

import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;

/**
 * The properties a scenario checks: runtime faults (always), its invariants, deadlock freedom
 * when listed, and its reachability properties. What a violation of each means is decided here
 * alone: judge() answers for every kind; the searches ask its indexed forms violation(), deadlocked()
 * and reached(), replay and counterexamples ask violated().
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
        return index < FAULTS.length ? PropertyId.of(FAULTS[index]) : PropertyId.invariant(invariants.get(index - FAULTS.length));
    }

    /**
     * The property named name that state, the last of a trace, violates as the search judges it,
     * or null. faultKind (use_after_free) narrows a name that several faults share; null accepts
     * any of them. Reachability properties are never violated by a state; see judge().
     */
    public PropertyId violated(int[] state, String name, String faultKind) {
        if (name.equals(PropertyId.DEADLOCK.name())) return judge(PropertyId.DEADLOCK, state) ? PropertyId.DEADLOCK : null;
        Fault f = cs.fault(state);
        // A faulting state ends its path, so it is judged against its own fault and nothing else.
        PropertyId asked = f != null ? PropertyId.of(f)
                : invariants.contains(name) ? PropertyId.invariant(name)
                : PropertyId.of(Fault.LEAK);
        boolean named = asked.name().equals(name) && (faultKind == null || asked.kind() != PropertyId.Kind.FAULT || asked.fault().kind.equals(faultKind));
        return named && judge(asked, state) ? asked : null;
    }

    /**
     * The one judgement of a state against a property of any kind: for a reachability property,
     * whether the state satisfies it; for every other kind, whether it violates it. violation() is
     * its indexed form for the searches' hot loop and must agree with it. A deadlock is judged on
     * the state's successors in the scenario as it is; a leak only at a valid end of a state that
     * has not faulted.
     */
    public boolean judge(PropertyId id, int[] state) {
        return switch (id.kind()) {
            case FAULT -> {
                Fault f = cs.fault(state);
                yield f == id.fault() || f == null && id.fault() == Fault.LEAK && leaksAtEnd(state);
            }
            case INVARIANT -> cs.fault(state) == null && !cs.invariantHolds(invariantIndex(id), state);
            case DEADLOCK -> deadlocked(state, cs.newStepper().successors(state, (next, label) -> { }));
            case REACHABLE -> cs.reached(reachableIndex(id), state);
            case EVENTUALLY, LEADSTO -> throw new IllegalArgumentException(
                    "a liveness property is judged on runs, not on one state: " + id.name());
        };
    }

    private int invariantIndex(PropertyId id) {
        int i = invariants.indexOf(id.name());
        if (i < 0) throw new IllegalArgumentException("no invariant " + id.name() + " in this scenario");
        return i;
    }

    private int reachableIndex(PropertyId id) {
        int i = reachables.indexOf(id.name());
        if (i < 0) throw new IllegalArgumentException("no reachability property " + id.name() + " in this scenario");
        return i;
    }

    @Override public boolean checksDeadlock() { return cs.checksDeadlock(); }

    @Override public boolean isValidEnd(int[] state) { return cs.isValidEnd(state); }

    @Override public int livenessCount() { return cs.livenessNames().size(); }

    @Override public PropertyId liveness(int index) {
        String name = cs.livenessNames().get(index);
        return cs.leadsto(index) ? PropertyId.leadsto(name) : PropertyId.eventually(name);
    }

    @Override public boolean livePremise(int index, int[] state) { return cs.leadsto(index) && cs.premise(index, state); }

    @Override public boolean liveGoal(int index, int[] state) { return cs.goal(index, state); }

    @Override public int reachableCount() { return reachables.size(); }

    @Override public PropertyId reachable(int index) { return PropertyId.reachable(reachables.get(index)); }

    @Override public boolean reached(int index, int[] state) { return cs.reached(index, state); }
}
