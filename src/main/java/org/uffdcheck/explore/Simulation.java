package org.uffdcheck.explore;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.TransitionSystem;

/**
 * Random walks from the initial state. Nothing is remembered between steps but the labels of the
 * current walk, so this reaches depths an exhaustive search cannot, at the price of proving
 * nothing when it finds nothing. A successor is picked by reservoir sampling as the stepper
 * offers them, which is uniform without buffering the siblings; the same seed gives the same walks.
 */
final class Simulation implements Search, TransitionSystem.SuccessorSink {
    private final TransitionSystem ts;
    private final StateChecks checks;
    private final ExploreOptions opts;
    private final RunControl control;
    private final int n;
    private final SplittableRandom rng;

    private int[] chosen;
    private int chosenLabel;
    private int seen;
    private int[] walk = new int[64];
    private final LabelWitnesses witnesses;
    private long states;
    private long transitions;
    private int deepest;

    Simulation(TransitionSystem ts, StateChecks checks, ExploreOptions opts, RunControl control) {
        this.ts = ts;
        this.checks = checks;
        this.opts = opts;
        this.control = control;
        this.n = ts.stateSize();
        this.rng = new SplittableRandom(opts.seed());
        this.chosen = new int[n];
        this.witnesses = new LabelWitnesses(checks);
    }

    @Override
    public ExploreResult run() {
        int[] init = new int[n];
        ts.initialState(init);
        int[] cur = new int[n];
        TransitionSystem.Stepper stepper = ts.newStepper();
        int limit = opts.walkLength();
        long maxStates = opts.maxStates();
        PropertyId violated = null;
        int[] violationPath = null;
        Bound stoppedBy = null;
        long runs = 0;
        walks:
        for (; runs < opts.simulateRuns(); runs++) {
            System.arraycopy(init, 0, cur, 0, n);
            int len = 0;
            while (true) {
                states++;
                if (len > deepest) deepest = len;
                if ((states & RunControl.POLL_MASK) == 1 && control.poll(states, transitions, len, 0)) {
                    break walks;
                }
                int v = checks.violation(cur);
                if (v != StateChecks.OK) {
                    violated = checks.property(v);
                    violationPath = Arrays.copyOf(walk, len);
                    break walks;
                }
                if (witnesses.pending()) witnesses.note(cur, walk, len);
                if (len >= limit) break;
                if (maxStates > 0 && states >= maxStates) {
                    stoppedBy = Bound.states(maxStates);
                    break walks;
                }
                seen = 0;
                stepper.successors(cur, this);
                if (seen == 0) {
                    if (checks.deadlocked(cur, seen)) {
                        violated = PropertyId.DEADLOCK;
                        violationPath = Arrays.copyOf(walk, len);
                        break walks;
                    }
                    break;
                }
                int[] t = cur;
                cur = chosen;
                chosen = t;
                if (len == walk.length) walk = Arrays.copyOf(walk, len * 2);
                walk[len++] = chosenLabel;
            }
        }
        control.publish(states, transitions, deepest, 0);
        return finish(violated, violationPath, stoppedBy);
    }

    @Override
    public void accept(int[] next, int label) {
        transitions++;
        seen++;
        if (seen == 1 || rng.nextInt(seen) == 0) {
            System.arraycopy(next, 0, chosen, 0, n);
            chosenLabel = label;
        }
    }

    private ExploreResult finish(PropertyId violated, int[] violationPath, Bound stoppedBy) {
        Execution trace = violated != null ? PathRebuilder.fromLabels(ts, violationPath) : null;
        Stats stats = new Stats(states, transitions, deepest, control.elapsedSeconds(), 4L * walk.length);
        return Verdict.sampled(Verdict.violations(violated, trace), control, stoppedBy, stats, witnesses.build(ts));
    }
}
