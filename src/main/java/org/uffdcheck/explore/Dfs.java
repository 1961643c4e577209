package org.uffdcheck.explore;

import java.util.Arrays;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.StateStack;
import org.uffdcheck.state.VisitedSet;

/**
 * Depth-first search with an explicit stack of [depth, label, state...] records. A state is
 * marked visited when generated, as in BFS, and the labels on the way down to the state being
 * expanded are kept in one array, so a trace is that path plus one step (not a shortest one).
 * With a depth bound a state first seen too deep is not revisited from a shallower path; the
 * bound is then reported, so the search never claims a result it did not earn.
 */
final class Dfs implements Search, TransitionSystem.SuccessorSink {
    private static final TransitionSystem.SuccessorSink IGNORE = (next, label) -> { };

    private final TransitionSystem ts;
    private final StateChecks checks;
    private final RunControl control;
    private final int n;
    private final int maxDepth;
    private final long maxStates;

    private final VisitedSet visited;
    private final StateStack stack;
    private final int[] out;
    private int[] path = new int[64];
    private final LabelWitnesses witnesses;

    private int curDepth;
    private int deepest;
    private long states;
    private long transitions;
    private boolean halt;
    private PropertyId violated;
    private int[] violationPath;
    private Bound bound;

    Dfs(TransitionSystem ts, StateChecks checks, ExploreOptions opts, RunControl control) {
        this.ts = ts;
        this.checks = checks;
        this.control = control;
        this.n = ts.stateSize();
        this.maxDepth = opts.maxDepth();
        this.maxStates = opts.maxStates();
        this.visited = control.visitedSet(opts, 1 << 12, 1);
        this.stack = new StateStack(n + 2, control.budget());
        this.out = new int[n + 2];
        this.witnesses = new LabelWitnesses(checks);
    }

    @Override
    public ExploreResult run() {
        try {
            return search();
        } finally {
            visited.free();
        }
    }

    private ExploreResult search() {
        int[] cur = new int[n];
        int[] rec = new int[n + 2];
        ts.initialState(cur);
        visited.add(Fingerprint.of(cur));
        states = 1;
        curDepth = 0;
        if (!noteNew(cur, true, 0)) {
            rec[0] = 0;
            rec[1] = -1;
            System.arraycopy(cur, 0, rec, 2, n);
            if (!stack.push(rec)) memoryHit();
        }

        TransitionSystem.Stepper stepper = ts.newStepper();
        long expanded = 0;
        while (!halt && stack.pop(rec)) {
            int d = rec[0];
            if (d > 0) {
                if (d > path.length) path = Arrays.copyOf(path, Math.max(d, path.length * 2));
                path[d - 1] = rec[1];
            }
            curDepth = d;
            System.arraycopy(rec, 2, cur, 0, n);
            expanded++;
            if ((expanded & RunControl.POLL_MASK) == 1 && control.poll(states, transitions, d, stack.size())) {
                break;
            }
            int k;
            if (maxDepth > 0 && d >= maxDepth) {
                k = stepper.successors(cur, IGNORE);
                if (k > 0) {
                    if (bound == null) bound = Bound.depth(maxDepth);
                    continue;
                }
            } else {
                k = stepper.successors(cur, this);
                if (halt) break;
            }
            if (checks.deadlocked(cur, k)) {
                violated = PropertyId.DEADLOCK;
                violationPath = Arrays.copyOf(path, d);
                break;
            }
        }
        control.publish(states, transitions, deepest, stack.size());
        return finish();
    }

    @Override
    public void accept(int[] next, int label) {
        transitions++;
        if (halt) return;
        if (!visited.add(Fingerprint.of(next))) return;
        if (visited.wantsGrowth() && !visited.grow()) {
            memoryHit();
            return;
        }
        if (maxStates > 0 && states >= maxStates) {
            bound = Bound.states(maxStates);
            halt = true;
            return;
        }
        states++;
        if (curDepth + 1 > deepest) deepest = curDepth + 1;
        if (noteNew(next, false, label)) {
            halt = true;
            return;
        }
        out[0] = curDepth + 1;
        out[1] = label;
        System.arraycopy(next, 0, out, 2, n);
        if (!stack.push(out)) memoryHit();
    }

    /** The memory budget refused room: stop here, as at any bound. */
    private void memoryHit() {
        bound = control.memoryBound();
        halt = true;
    }

    /**
     * Asks the checks about the initial state or one found one step below the current one;
     * true if it violates a property.
     */
    private boolean noteNew(int[] state, boolean initial, int label) {
        int v = checks.violation(state);
        if (v != StateChecks.OK) {
            violated = checks.property(v);
            violationPath = initial ? new int[0] : pathPlus(label);
            return true;
        }
        if (witnesses.pending()) {
            if (initial) witnesses.note(state, path, 0);
            else witnesses.note(state, path, curDepth, label);
        }
        return false;
    }

    private int[] pathPlus(int label) {
        int[] p = Arrays.copyOf(path, curDepth + 1);
        p[curDepth] = label;
        return p;
    }

    private ExploreResult finish() {
        Execution trace = violationPath != null ? PathRebuilder.fromLabels(ts, violationPath) : null;
        Stats stats = new Stats(states, transitions, deepest, control.elapsedSeconds(),
                visited.bytes() + stack.bytes() + 4L * path.length);
        return Verdict.of(Verdict.violations(violated, trace), control, bound, stats, witnesses.build(ts), visited);
    }
}
