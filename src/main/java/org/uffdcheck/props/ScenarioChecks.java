package org.uffdcheck.props;

import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.lang.check.Fault;

/**
 * The properties a scenario checks: runtime faults (always), its invariants, deadlock freedom
 * when listed, and its reachability properties.
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

    @Override
    public int violation(int[] state) {
        Fault f = cs.fault(state);
        if (f != null) return f.ordinal();
        for (int i = 0; i < invariantCount; i++) {
            if (!cs.invariantHolds(i, state)) return FAULTS.length + i;
        }
        if (cs.isValidEnd(state) && cs.leaks(state)) return Fault.LEAK.ordinal();
        return OK;
    }

    @Override
    public String propertyName(int index) {
        return index < FAULTS.length ? FAULTS[index].property : invariants.get(index - FAULTS.length);
    }

    @Override public boolean checksDeadlock() { return cs.checksDeadlock(); }

    @Override public boolean isValidEnd(int[] state) { return cs.isValidEnd(state); }

    @Override public int reachableCount() { return reachables.size(); }

    @Override public String reachableName(int index) { return reachables.get(index); }

    @Override public boolean reached(int index, int[] state) { return cs.reached(index, state); }
}
