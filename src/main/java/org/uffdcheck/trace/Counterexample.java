package org.uffdcheck.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.props.ScenarioChecks;

/**
 * A violated property with the trace that violates it, its steps named for people. Every renderer
 * (race diagram, JSON, HTML) takes a list of these, one per violated property. fairness is the
 * mode a lasso's cycle was judged under (it is recorded so that replay judges it the same way).
 */
public record Counterexample(CompiledScenario scenario, PropertyId id, Kind kind, String explanation,
                             Execution trace, List<TraceStep> steps, Fairness fairness) {
    public enum Kind {
        /** A runtime check failed (assert, unlock of a lock not held, ...). */
        FAULT,
        DEADLOCK,
        INVARIANT,
        /** eventually or leadsto: a lasso, a run that repeats its last steps (or stays put) for ever. */
        LIVENESS,
        /** No property is violated: the run shows where two models differ as user space sees them (diff). */
        DIFFERENCE;

        public String json() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Counterexample {
        steps = List.copyOf(steps);
    }

    /**
     * Names the steps of trace, which ends in a state violating the property named property; which
     * of the faults sharing a name it is (memory_safe) is read from that state.
     */
    public static Counterexample of(CompiledScenario cs, String property, Execution trace) {
        int live = cs.livenessNames().indexOf(property);
        if (live >= 0 && trace.lasso()) return of(cs, new ScenarioChecks(cs).liveness(live), trace);
        PropertyId id = new ScenarioChecks(cs).violated(trace.last(), property, null);
        return of(cs, id != null ? id : PropertyId.named(property), trace);
    }

    /** Names the steps of trace, which ends in a state violating property id, under the scenario's fairness. */
    public static Counterexample of(CompiledScenario cs, PropertyId id, Execution trace) {
        return of(cs, id, trace, cs.info().fairness());
    }

    /** Names the steps of trace, which ends in a state violating property id (a lasso: fair under fairness). */
    public static Counterexample of(CompiledScenario cs, PropertyId id, Execution trace, Fairness fairness) {
        int[] last = trace.last();
        Fault f = id.fault();
        List<TraceStep> steps = steps(cs, trace);
        Kind kind;
        String why;
        switch (id.kind()) {
            case FAULT -> {
                kind = Kind.FAULT;
                // The report puts the property first; repeat the kind only where it says more (memory_safe: use_after_free).
                why = f == Fault.LEAK ? Fault.LEAK.kind + ": " + leaked(cs, trace, steps)
                        : (f.kind.equals(f.property) ? "" : f.kind + ": ") + f.description + " at " + cs.faultSite(last);
            }
            case DEADLOCK -> {
                kind = Kind.DEADLOCK;
                why = "no thread can move, and not every thread has finished";
            }
            case INVARIANT -> {
                kind = Kind.INVARIANT;
                why = cs.invariantFailure(id.name(), last);
            }
            case EVENTUALLY, LEADSTO -> {
                kind = Kind.LIVENESS;
                why = cs.livenessFailure(id.name()) + (trace.loop() == trace.length()
                        ? ": the run ends at step " + trace.length() + " and stays there for ever"
                        : ": the run repeats steps " + (trace.loop() + 1) + "-" + trace.length() + " for ever");
            }
            case REACHABLE -> throw new IllegalArgumentException("a reachability property has witnesses, not counterexamples: " + id.name());
            default -> throw new AssertionError(id.kind());
        }
        return new Counterexample(cs, id, kind, why, trace, steps, fairness);
    }

    /** The name a difference's runs carry where a counterexample names its property. */
    public static final String DIFFERENCE_NAME = "observable_difference";

    /** A run that shows a difference between two models, explained by explanation; its steps named like a violation's. */
    public static Counterexample difference(CompiledScenario cs, String explanation, Execution trace) {
        return new Counterexample(cs, PropertyId.invariant(DIFFERENCE_NAME), Kind.DIFFERENCE, explanation, trace,
                steps(cs, trace), cs.info().fairness());
    }

    /** What the run shows, before its explanation: "violated: PROPERTY", or "difference". */
    public String headline() {
        return kind == Kind.DIFFERENCE ? "difference" : "violated: " + property();
    }

    /**
     * A run that breaks no property of the model but a check outside it (a recording it cannot
     * match): name is that check, why what the run fails.
     */
    public static Counterexample ofRun(CompiledScenario cs, String name, String why, Execution trace) {
        return new Counterexample(cs, PropertyId.invariant(name), Kind.INVARIANT, why, trace, steps(cs, trace),
                cs.info().fairness());
    }

    /** The violated property's name, as scenarios expect it. */
    public String property() { return id.name(); }

    /**
     * "unreachable at the end: userfaultfd_ctx#2 allocated at FILE:LINE: statement; ...". The state
     * does not record where an object was allocated; the last step that made it live did.
     */
    private static String leaked(CompiledScenario cs, Execution trace, List<TraceStep> steps) {
        List<String> names = cs.leakedObjects(trace.last());
        if (names.isEmpty()) return Fault.LEAK.description;
        Map<String, Integer> status = new HashMap<>();
        for (Describer.Var o : cs.describer().objects()) status.put(o.name(), Describer.statusSlot(o));
        List<String> out = new ArrayList<>();
        for (String name : names) {
            int slot = status.get(name);
            String where = "by init, before the first step";
            for (int i = steps.size() - 1; i >= 0; i--) {
                if (trace.states().get(i)[slot] != trace.states().get(i + 1)[slot]
                        && trace.states().get(i + 1)[slot] == trace.last()[slot]) {
                    TraceStep st = steps.get(i);
                    where = "at " + st.location() + ": " + st.statement().replaceAll(";\\s*$", "") + " (step " + st.number() + ")";
                    break;
                }
            }
            out.add(name + ", allocated " + where);
        }
        return "unreachable at the end: " + String.join("; ", out);
    }

    private static List<TraceStep> steps(CompiledScenario cs, Execution trace) {
        Describer d = cs.describer();
        Effects effects = new Effects(cs);
        List<int[]> states = trace.states();
        int[] labels = trace.labels();
        List<TraceStep> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            int[] before = states.get(i);
            int[] after = states.get(i + 1);
            Describer.Step st = d.step(before, labels[i], after);
            String file = st.file() == null ? "" : st.file();
            out.add(new TraceStep(i + 1, st.thread(), st.threadName(), st.proc(), file, st.line(), st.statement(),
                    st.changes(), effects.of(before, after, st.thread(), st.statement(), st.fault()), st.faultText(),
                    effects.changesGlobals(before, after)));
        }
        return out;
    }

    static String oneLine(String s) { return s.replaceAll("//[^\n]*", " ").replaceAll("\\s+", " ").trim(); }

    public int threadCount() { return scenario.threadCount(); }

    public String threadName(int t) { return scenario.threadName(t); }

    /** The model file as the user named it. */
    public String modelFile() { return scenario.model().program.main().source().displayName(); }
}
