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
 * number (16 bytes a slot, at most half full: 32 to 64), an offset and a parent edge (8) and two
 * bits per property; per edge a target and a thread (5). The numbering is dropped before
 * FairCycles runs, which adds 39 bytes per state. A stop request or the time limit, noticed while
 * it builds or while FairCycles searches, ends the pass without a verdict.
 */
final class LiveSearch {
    private final TransitionSystem ts;
    private final StateChecks checks;
    private final Fairness fairness;
    private final RunControl control;
    private final boolean all;

    private StateIndex index;
    private StateQueue queue;
    private int width;
    /** The state being expanded, its fingerprint sum, and the queue's record (a state and its sum). */
    private int[] cur;
    private long curSum;
    private int[] record;
    /** Per state, the edge it was first reached by: a shortest path from the initial state. */
    private int[] parents;
    private static final int GROUP = 16;
    /** The successors of a group of states: their slots (width each), sums, fingerprints and labels. */
    private int[] succ;
    private long[] succSum = new long[GROUP * 4];
    private long[] succFp = new long[GROUP * 4];
    private int[] succLabel = new int[GROUP * 4];
    private int succCount;
    private int[] next;
    private int[] targets;
    private byte[] movers;
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
        LiveGraph g = build(safety.stats().states(), safety.stats().transitions());
        // The numbering is needed only while the graph is built; FairCycles needs the room.
        index = null;
        queue = null;
        targets = null;
        movers = null;
        parents = null;
        succ = null;
        if (g == null) return stopped(safety);
        List<Violation> found = new ArrayList<>();
        for (int p = 0; p < checks.livenessCount(); p++) {
            PropertyId id = checks.liveness(p);
            boolean[] starts = bits(start[p], g.states);
            Lasso l;
            try {
                l = FairCycles.find(g, fairness, starts, bits(bad[p], g.states), control);
            } catch (FairCycles.Stopped e) {
                return stopped(safety);
            }
            if (l == null) continue;
            found.add(new Violation(id, execution(g, l)));
            if (!all) break;
        }
        if (found.isEmpty()) return new ExploreResult(Status.HOLDS, null, null, null, null, stats(safety), safety.witnesses());
        Violation v = found.get(0);
        return new ExploreResult(Status.VIOLATION, v.property(), v.trace(), null, null, stats(safety), safety.witnesses(), found);
    }

    /** Stopped by the user or the time limit: no verdict, with the counts of the safety search that saw every state. */
    private ExploreResult stopped(ExploreResult safety) {
        Status s = control.interrupted() ? Status.INTERRUPTED : Status.BOUND_REACHED;
        return new ExploreResult(s, null, null, control.timedOut(), null, stats(safety), safety.witnesses());
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

    /**
     * The reachable graph, or null when stopped by the user or the time limit. As in the safety
     * search, a successor's fingerprint is updated from its parent's (Fingerprint.update): the
     * queue carries each state's fingerprint sum after its slots. The successors of GROUP states
     * are generated before any is looked up, and their index slots touched together, so that the
     * cache misses of the lookups overlap; they are then numbered in order, as one at a time would.
     */
    private LiveGraph build(long expectedStates, long expectedEdges) {
        int props = checks.livenessCount();
        start = new BitSet[props];
        bad = new BitSet[props];
        eventually = new boolean[props];
        for (int p = 0; p < props; p++) {
            start[p] = new BitSet();
            bad[p] = new BitSet();
            eventually[p] = checks.liveness(p).kind() == PropertyId.Kind.EVENTUALLY;
        }
        int capacity = (int) Math.min(expectedStates, 1 << 28) + 2;
        index = new StateIndex(capacity);
        int[] offsets = new int[capacity];
        parents = new int[capacity];
        targets = new int[(int) Math.min(Math.max(expectedEdges, 16), MAX_ARRAY)];
        movers = new byte[targets.length];
        width = ts.stateSize();
        cur = new int[width];
        next = new int[width];
        record = new int[width + 2];
        succ = new int[GROUP * 4 * width];
        ts.initialState(cur);
        try (StateQueue q = new StateQueue(width + 2)) {
            queue = q;
            long sum = Fingerprint.sum(cur, 0, width);
            visit(cur, sum, Fingerprint.finish(sum, width), -1);
            TransitionSystem.Stepper stepper = ts.newStepper();
            int[] groupEnds = new int[GROUP];
            int current = 0;
            while (true) {
                int k = 0;
                succCount = 0;
                while (k < GROUP && q.pop(record)) {
                    System.arraycopy(record, 0, cur, 0, width);
                    curSum = Bfs.getSum(record, width);
                    stepper.successors(cur, this::collect);
                    groupEnds[k++] = succCount;
                }
                if (k == 0) break;
                for (int j = 0; j < succCount; j++) index.touch(succFp[j]);
                int j = 0;
                for (int i = 0; i < k; i++) {
                    if (current + 2 > offsets.length) offsets = Arrays.copyOf(offsets, grown(offsets.length));
                    offsets[current++] = edges;
                    for (; j < groupEnds[i]; j++) edge(j);
                    if ((current & RunControl.POLL_MASK) == 1 && control.poll(current, edges, 0, q.size())) return null;
                }
            }
            offsets[current] = edges;
            if (index.touched() == 42) Thread.onSpinWait(); // keeps the touches from being optimised away
            return new LiveGraph(Arrays.copyOf(offsets, current + 1), fit(targets, edges), fit(movers, edges), fit(parents, current));
        }
    }

    /** The first n entries of a, without a copy when that is all of it (the safety search's counts size most arrays exactly). */
    private static int[] fit(int[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static byte[] fit(byte[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    /** Keeps a successor of cur, with its fingerprint sum and fingerprint, for edge() to number. */
    private void collect(int[] state, int label) {
        if ((succCount + 1) * width > succ.length || succCount == succFp.length) {
            succ = Arrays.copyOf(succ, 2 * Math.max(succ.length, (succCount + 1) * width));
            succSum = Arrays.copyOf(succSum, 2 * succSum.length);
            succFp = Arrays.copyOf(succFp, 2 * succFp.length);
            succLabel = Arrays.copyOf(succLabel, 2 * succLabel.length);
        }
        System.arraycopy(state, 0, succ, succCount * width, width);
        long sum = Fingerprint.update(curSum, cur, state, width);
        succSum[succCount] = sum;
        succFp[succCount] = Fingerprint.finish(sum, width);
        succLabel[succCount++] = label;
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

    /** Numbers the j-th collected successor's edge, and its state when it is new. */
    private void edge(int j) {
        long fp = succFp[j];
        int target = index.get(fp);
        if (target < 0) {
            System.arraycopy(succ, j * width, next, 0, width);
            target = visit(next, succSum[j], fp, edges);
        }
        if (edges == targets.length) {
            targets = Arrays.copyOf(targets, grown(edges));
            movers = Arrays.copyOf(movers, grown(edges));
        }
        targets[edges] = target;
        movers[edges++] = (byte) ts.moverOf(succLabel[j]);
    }

    /** Numbers a new state, first reached along edge via (-1 for the initial state), and queues it. */
    private int visit(int[] state, long sum, long fp, int via) {
        int n = index.add(fp);
        if (n == parents.length) parents = Arrays.copyOf(parents, grown(n));
        parents[n] = via;
        System.arraycopy(state, 0, record, 0, width);
        Bfs.putSum(record, width, sum);
        queue.push(record);
        for (int p = 0; p < start.length; p++) {
            boolean premise = eventually[p] ? n == 0 : checks.livePremise(p, state);
            if (premise) start[p].set(n);
            if (!checks.liveGoal(p, state)) bad[p].set(n);
        }
        return n;
    }

    /** The lasso's states and labels, regenerated along its edges: an edge is its state's k-th successor. */
    private Execution execution(LiveGraph g, Lasso l) {
        int[] ordinals = new int[l.edges().length];
        for (int i = 0; i < ordinals.length; i++) ordinals[i] = l.edges()[i] - g.offsets[l.states()[i]];
        Execution run = PathRebuilder.fromOrdinals(ts, ordinals);
        return new Execution(run.states(), run.labels(), l.loopStart());
    }
}
