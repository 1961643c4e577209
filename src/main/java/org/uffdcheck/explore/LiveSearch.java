package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.StateQueue;

/**
 * Liveness, once an exact breadth-first search found every safety property to hold: numbers the
 * reachable states again in breadth-first order, keeps their edges with the thread of each
 * (LiveGraph), marks per property where it starts owing its goal and where the goal is false,
 * and asks FairCycles for a lasso. While it builds, it keeps per state a fingerprint and its
 * number (12 bytes a slot, at most half full: about 25), an offset (4) and two bits per property;
 * per edge a target and a thread (5). The numbering is dropped before FairCycles runs, which
 * adds about 60 bytes per state.
 */
final class LiveSearch {
    private final TransitionSystem ts;
    private final StateChecks checks;
    private final Fairness fairness;
    private final RunControl control;
    private final boolean all;

    private StateIndex index;
    private StateQueue queue;
    private int[] targets = new int[1024];
    private byte[] movers = new byte[1024];
    private int edges;
    private BitSet[] start;
    private BitSet[] bad;
    /** Per property: an eventually, whose only start is the initial state (asked once, not per state). */
    private boolean[] eventually;

    LiveSearch(TransitionSystem ts, StateChecks checks, Fairness fairness, RunControl control, boolean all) {
        this.ts = ts;
        this.checks = checks;
        this.fairness = fairness;
        this.control = control;
        this.all = all;
    }

    /** The verdict, given the safety search's: it stands unless a liveness property fails. */
    ExploreResult run(ExploreResult safety) {
        if (ts.movers() > LiveGraph.MAX_THREADS) throw new IllegalArgumentException(ts.movers() + " threads");
        LiveGraph g = build(safety.stats().states());
        // The numbering is needed only while the graph is built; FairCycles needs the room.
        index = null;
        queue = null;
        if (g == null) {
            Status s = control.interrupted() ? Status.INTERRUPTED : Status.BOUND_REACHED;
            return new ExploreResult(s, null, null, control.timedOut(), null, stats(safety), safety.witnesses());
        }
        List<Violation> found = new ArrayList<>();
        for (int p = 0; p < checks.livenessCount(); p++) {
            PropertyId id = checks.liveness(p);
            boolean[] starts = bits(start[p], g.states);
            Lasso l = FairCycles.find(g, fairness, starts, bits(bad[p], g.states));
            if (l == null) continue;
            found.add(new Violation(id, execution(g, l)));
            if (!all) break;
        }
        if (found.isEmpty()) return new ExploreResult(Status.HOLDS, null, null, null, null, stats(safety), safety.witnesses());
        Violation v = found.get(0);
        return new ExploreResult(Status.VIOLATION, v.property(), v.trace(), null, null, stats(safety), safety.witnesses(), found);
    }

    private Stats stats(ExploreResult safety) {
        Stats s = safety.stats();
        return new Stats(s.states(), s.transitions(), s.depth(), control.elapsedSeconds(), s.storeBytes());
    }

    private static boolean[] bits(BitSet set, int n) {
        boolean[] out = new boolean[n];
        for (int i = set.nextSetBit(0); i >= 0 && i < n; i = set.nextSetBit(i + 1)) out[i] = true;
        return out;
    }

    /** The reachable graph, or null when stopped by the user or the time limit. */
    private LiveGraph build(long expected) {
        int props = checks.livenessCount();
        start = new BitSet[props];
        bad = new BitSet[props];
        eventually = new boolean[props];
        for (int p = 0; p < props; p++) {
            start[p] = new BitSet();
            bad[p] = new BitSet();
            eventually[p] = checks.liveness(p).kind() == PropertyId.Kind.EVENTUALLY;
        }
        index = new StateIndex((int) Math.min(expected, 1 << 28));
        int[] offsets = new int[(int) Math.min(expected, 1 << 28) + 2];
        int[] s = new int[ts.stateSize()];
        ts.initialState(s);
        try (StateQueue q = new StateQueue(s.length)) {
            queue = q;
            visit(s);
            TransitionSystem.Stepper stepper = ts.newStepper();
            int current = 0;
            while (q.pop(s)) {
                if (current + 2 > offsets.length) offsets = Arrays.copyOf(offsets, grown(offsets.length));
                offsets[current++] = edges;
                stepper.successors(s, this::edge);
                if ((current & RunControl.POLL_MASK) == 1 && control.poll(current, edges, 0, q.size())) return null;
            }
            offsets[current] = edges;
            return new LiveGraph(Arrays.copyOf(offsets, current + 1), Arrays.copyOf(targets, edges), Arrays.copyOf(movers, edges));
        }
    }

    /**
     * Twice n, within what a Java array can hold. A graph that needs more is a heap bound like any
     * other (the explorer reports it as such), never an overflowed array size.
     */
    private static int grown(int n) {
        if (n >= MAX_ARRAY) throw new OutOfMemoryError("the liveness graph needs more than " + MAX_ARRAY + " entries");
        return (int) Math.min(2L * n, MAX_ARRAY);
    }

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private void edge(int[] next, int label) {
        long fp = Fingerprint.of(next);
        int target = index.get(fp);
        if (target < 0) target = visit(next);
        if (edges == targets.length) {
            targets = Arrays.copyOf(targets, grown(edges));
            movers = Arrays.copyOf(movers, grown(edges));
        }
        targets[edges] = target;
        movers[edges++] = (byte) ts.moverOf(label);
    }

    private int visit(int[] state) {
        int n = index.add(Fingerprint.of(state));
        queue.push(state);
        for (int p = 0; p < start.length; p++) {
            boolean premise = eventually[p] ? n == 0 : checks.livePremise(p, state);
            if (premise) start[p].set(n);
            if (!checks.liveGoal(p, state)) bad[p].set(n);
        }
        return n;
    }

    /** The lasso's states and labels, regenerated along its edges: an edge is its state's k-th successor. */
    private Execution execution(LiveGraph g, Lasso l) {
        List<int[]> states = new ArrayList<>();
        int[] labels = new int[l.edges().length];
        int[] cur = new int[ts.stateSize()];
        ts.initialState(cur);
        states.add(cur.clone());
        TransitionSystem.Stepper stepper = ts.newStepper();
        for (int i = 0; i < labels.length; i++) {
            int k = l.edges()[i] - g.offsets[l.states()[i]];
            int[] seen = {0};
            int[] next = new int[cur.length];
            int step = i;
            stepper.successors(cur, (succ, label) -> {
                if (seen[0]++ != k) return;
                System.arraycopy(succ, 0, next, 0, next.length);
                labels[step] = label;
            });
            cur = next;
            states.add(cur.clone());
        }
        return new Execution(states, labels, l.loopStart());
    }
}
