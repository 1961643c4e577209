package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uffdcheck.compile.TransitionSystem;
import org.uffdcheck.props.StateChecks;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.FingerprintSet;
import org.uffdcheck.state.IntList;
import org.uffdcheck.state.StateQueue;

/**
 * Breadth-first search. States are numbered in discovery order, and since the frontier is FIFO
 * they are also expanded in that order: the n-th state popped has id n, so the queue holds bare
 * state vectors and depth changes exactly when the popped id crosses the end of the previous
 * level. Per state only its fingerprint, its parent's id and its label are kept; traces are rebuilt
 * by walking parents and replaying labels, so every trace is a shortest one.
 */
final class Bfs implements TransitionSystem.SuccessorSink {
    private static final TransitionSystem.SuccessorSink IGNORE = (next, label) -> { };

    private final TransitionSystem ts;
    private final StateChecks checks;
    private final RunControl control;
    private final int maxDepth;
    private final long stateLimit;
    private final String limitName;

    private final FingerprintSet visited = new FingerprintSet(1 << 12);
    private final IntList parents = new IntList();
    private final IntList labels = new IntList();
    private final StateQueue queue;
    private final int[] reachedId;
    private int unreached;

    private int curId;
    private int curDepth;
    private int deepest;
    private long transitions;
    private boolean halt;
    private String violated;
    private int violatingId = -1;
    private String bound;

    Bfs(TransitionSystem ts, StateChecks checks, ExploreOptions opts, RunControl control) {
        this.ts = ts;
        this.checks = checks;
        this.control = control;
        this.maxDepth = opts.maxDepth();
        // Ids are ints; past that the parent links cannot address a state.
        if (opts.maxStates() > 0 && opts.maxStates() < Integer.MAX_VALUE) {
            stateLimit = opts.maxStates();
            limitName = "max-states " + opts.maxStates();
        } else {
            stateLimit = Integer.MAX_VALUE;
            limitName = opts.maxStates() > 0 ? "max-states " + opts.maxStates() : "state-id limit";
        }
        this.queue = new StateQueue(ts.stateSize());
        this.reachedId = new int[checks.reachableCount()];
        Arrays.fill(reachedId, -1);
        this.unreached = reachedId.length;
    }

    ExploreResult run() {
        int[] cur = new int[ts.stateSize()];
        ts.initialState(cur);
        visited.add(Fingerprint.of(cur));
        parents.add(-1);
        labels.add(-1);
        if (!noteNew(0, cur)) queue.push(cur);

        TransitionSystem.Stepper stepper = ts.newStepper();
        long levelEnd = 1;
        int depth = 0;
        long expanded = 0;
        while (!halt && queue.pop(cur)) {
            if (expanded == levelEnd) {
                depth++;
                levelEnd = parents.size();
            }
            curId = (int) expanded++;
            curDepth = depth;
            if ((expanded & RunControl.POLL_MASK) == 1
                    && control.poll(parents.size(), transitions, depth, queue.size())) {
                break;
            }
            int k;
            if (maxDepth > 0 && depth >= maxDepth) {
                k = stepper.successors(cur, IGNORE);
                if (k > 0) {
                    if (bound == null) bound = "max-depth " + maxDepth;
                    continue;
                }
            } else {
                k = stepper.successors(cur, this);
                if (halt) break;
            }
            if (k == 0 && checks.checksDeadlock() && !checks.isValidEnd(cur)) {
                violated = ExploreResult.DEADLOCK;
                violatingId = curId;
                break;
            }
        }
        control.publish(parents.size(), transitions, deepest, queue.size());
        return finish();
    }

    @Override
    public void accept(int[] next, int label) {
        transitions++;
        if (halt) return;
        if (!visited.add(Fingerprint.of(next))) return;
        long n = parents.size();
        if (n >= stateLimit) {
            bound = limitName;
            halt = true;
            return;
        }
        parents.add(curId);
        labels.add(label);
        if (curDepth + 1 > deepest) deepest = curDepth + 1;
        if (noteNew((int) n, next)) {
            halt = true;
            return;
        }
        queue.push(next);
    }

    /** Asks the checks about a newly found state; true if it violates a property. */
    private boolean noteNew(int id, int[] state) {
        int v = checks.violation(state);
        if (v != StateChecks.OK) {
            violated = checks.propertyName(v);
            violatingId = id;
            return true;
        }
        if (unreached > 0) {
            for (int i = 0; i < reachedId.length; i++) {
                if (reachedId[i] < 0 && checks.reached(i, state)) {
                    reachedId[i] = id;
                    unreached--;
                }
            }
        }
        return false;
    }

    private ExploreResult finish() {
        Trace trace = violatingId >= 0 ? traceTo(violatingId) : null;
        List<Witness> witnesses = new ArrayList<>(reachedId.length);
        for (int i = 0; i < reachedId.length; i++) {
            witnesses.add(new Witness(checks.reachableName(i), reachedId[i] >= 0 ? traceTo(reachedId[i]) : null));
        }
        Stats stats = new Stats(parents.size(), transitions, deepest, control.elapsedSeconds(),
                visited.bytes() + parents.bytes() + labels.bytes());
        return Verdict.of(violated, trace, control, bound, stats, witnesses);
    }

    private Trace traceTo(int id) {
        int len = 0;
        for (int i = id; i > 0; i = parents.get(i)) len++;
        int[] path = new int[len];
        for (int i = id, k = len; i > 0; i = parents.get(i)) path[--k] = labels.get(i);
        return Replay.fromLabels(ts, path);
    }
}
