package org.uffdcheck.diff;

import java.util.Arrays;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.explore.StateIndex;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.StateQueue;

/**
 * Explores every reachable state of a system breadth first, keeping each step's observation:
 * the graph the comparison needs, numbered as the liveness graph is (state 0 the initial one,
 * successors in the stepper's order, so an edge's position regenerates its step). A state costs
 * a fingerprint slot (about 25 bytes) and an offset (4), an edge a target and a label (8).
 */
public final class ObservedGraph {
    /** Why a build stopped before the graph was whole. */
    public enum Stop { NONE, STATES, DEPTH, MEMORY, INTERRUPTED }

    private final TransitionSystem ts;
    private final Alphabet alphabet;
    private final long maxStates;
    private final int maxDepth;
    private volatile boolean stopRequested;

    private StateIndex index;
    private StateQueue queue;
    private TransitionSystem.Stepper stepper;
    private int[] codes = new int[16];
    private final TransitionSystem.SuccessorSink sink = this::edge;
    private int[] targets = new int[1024];
    private int[] labels = new int[1024];
    private int edges;

    private Lts lts;
    private Stop stop = Stop.NONE;
    private int states;
    private int depth;

    /** maxStates and maxDepth 0 mean no limit. */
    public ObservedGraph(TransitionSystem ts, Alphabet alphabet, long maxStates, int maxDepth) {
        this.ts = ts;
        this.alphabet = alphabet;
        this.maxStates = maxStates;
        this.maxDepth = maxDepth;
    }

    /** From another thread (Ctrl-C): the build ends soon after, as INTERRUPTED. */
    public void requestStop() {
        stopRequested = true;
    }

    /** The whole graph, or null when a limit or a stop request came first (stop() says which). */
    public Lts build() {
        try {
            lts = explore();
        } catch (OutOfMemoryError e) {
            index = null;
            targets = labels = null;
            stop = Stop.MEMORY;
        }
        index = null;
        queue = null;
        return lts;
    }

    public Stop stop() {
        return stop;
    }

    /** States numbered so far (all of them when the build finished). */
    public int states() {
        return states;
    }

    public long edges() {
        return edges;
    }

    /** The deepest breadth-first layer reached. */
    public int depth() {
        return depth;
    }

    private Lts explore() {
        index = new StateIndex(1 << 12);
        int[] offsets = new int[1 << 12];
        int[] s = new int[ts.stateSize()];
        ts.initialState(s);
        stepper = ts.newObservingStepper();
        try (StateQueue q = new StateQueue(s.length)) {
            queue = q;
            number(s);
            int current = 0;
            int layerEnd = 1;
            while (q.pop(s)) {
                if (current == layerEnd) {
                    depth++;
                    layerEnd = states;
                }
                if (maxDepth > 0 && depth >= maxDepth && stepper.successors(s, (n, l) -> { }) > 0) return stopped(Stop.DEPTH);
                if (current + 2 > offsets.length) offsets = Arrays.copyOf(offsets, grown(offsets.length));
                offsets[current++] = edges;
                stepper.successors(s, sink);
                if (maxStates > 0 && states > maxStates) return stopped(Stop.STATES);
                if ((current & 1023) == 0 && stopRequested) return stopped(Stop.INTERRUPTED);
            }
            offsets[current] = edges;
            return new Lts(Arrays.copyOf(offsets, current + 1), Arrays.copyOf(targets, edges), Arrays.copyOf(labels, edges));
        }
    }

    private Lts stopped(Stop why) {
        stop = why;
        return null;
    }

    private void edge(int[] next, int label) {
        int target = index.get(Fingerprint.of(next));
        if (target < 0) target = number(next);
        if (edges == targets.length) {
            targets = Arrays.copyOf(targets, grown(edges));
            labels = Arrays.copyOf(labels, grown(edges));
        }
        targets[edges] = target;
        labels[edges++] = common(stepper.observation());
    }

    /** The system's own observation code as the alphabet's label. */
    private int common(int code) {
        if (code == 0) return Lts.INTERNAL;
        if (code >= codes.length) codes = Arrays.copyOf(codes, Math.max(2 * codes.length, code + 1));
        if (codes[code] == 0) codes[code] = alphabet.label(ts.observation(code));
        return codes[code];
    }

    private int number(int[] state) {
        int n = index.add(Fingerprint.of(state));
        queue.push(state);
        states = n + 1;
        return n;
    }

    private static int grown(int n) {
        if (n >= MAX_ARRAY) throw new OutOfMemoryError("the observed graph needs more than " + MAX_ARRAY + " entries");
        return (int) Math.min(2L * n, MAX_ARRAY);
    }

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
}
