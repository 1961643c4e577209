package org.uffdcheck.diff;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.explore.PathRebuilder;

/**
 * One comparison of two systems, typically a scenario before and after a patch: each side's
 * observed graph, collapsed, then compared; when they differ, the run of each side that shows it.
 */
public final class ScenarioDiff {
    /** One side's graph, as explored and compressed (both null when its build stopped early). */
    public record Side(TransitionSystem system, ObservedGraph graph, Lts lts, Compressed compressed, double seconds) {}

    /**
     * A run of one side: its states and step labels, and the label of each step's observation.
     * For the side that shows the difference it runs through the difference (the extra
     * observation, or the resting state that refuses); for the other side, up to the same trace.
     */
    public record SideRun(int side, Execution execution, int[] observations) {}

    /** outcome is null when a side's build stopped; then runs is empty. */
    public record Result(Side[] sides, Outcome outcome, Alphabet alphabet, double compareSeconds, List<SideRun> runs) {
        public boolean stopped() {
            return outcome == null;
        }
    }

    private final TransitionSystem[] systems;
    private final long maxStates;
    private final int maxDepth;
    private final Alphabet alphabet = new Alphabet();
    private volatile ObservedGraph building;
    private volatile boolean stopRequested;

    /** maxStates bounds each side's states and the macrostate pairs; 0 means no limit, as for maxDepth (steps). */
    public ScenarioDiff(TransitionSystem old, TransitionSystem neu, long maxStates, int maxDepth) {
        this.systems = new TransitionSystem[] {old, neu};
        this.maxStates = maxStates;
        this.maxDepth = maxDepth;
    }

    /** From another thread (Ctrl-C): the build in progress stops soon, and the result says so. */
    public void requestStop() {
        stopRequested = true;
        ObservedGraph g = building;
        if (g != null) g.requestStop();
    }

    public Result run() {
        Side[] sides = new Side[2];
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            ObservedGraph g = new ObservedGraph(systems[i], alphabet, maxStates, maxDepth);
            building = g;
            if (stopRequested) g.requestStop();
            Lts lts = g.build();
            building = null;
            Compressed c = lts == null ? null : Compressed.of(lts);
            sides[i] = new Side(systems[i], g, lts, c, seconds(start));
            if (lts == null) {
                if (i == 0) sides[1] = new Side(systems[1], null, null, null, 0);
                return new Result(sides, null, alphabet, 0, List.of());
            }
        }
        long start = System.nanoTime();
        Outcome o = Comparison.compare(sides[0].compressed.quotient, sides[1].compressed.quotient, maxStates, 0);
        List<SideRun> runs = new ArrayList<>();
        Difference d = o.difference();
        if (d != null) {
            Side mine = sides[d.side()];
            Side theirs = sides[1 - d.side()];
            Compressed c = mine.compressed;
            runs.add(replay(d.side(), mine, Runs.find(mine.lts, d.run(),
                    d.kind() == Difference.Kind.REFUSAL ? c.restingIn(d.stableState()) : c.in(-1))));
            runs.add(replay(1 - d.side(), theirs, Runs.find(theirs.lts, d.trace(), theirs.compressed.in(-1))));
        }
        return new Result(sides, o, alphabet, seconds(start), runs);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The run's steps regenerated: an edge is its state's k-th successor in the observing stepper's order. */
    private SideRun replay(int side, Side s, Runs.Run run) {
        TransitionSystem ts = s.system;
        int[] observed = new int[run.successors().length];
        Execution e = PathRebuilder.fromOrdinals(ts, ts.newObservingStepper(), run.successors(), observed);
        for (int i = 0; i < observed.length; i++) {
            observed[i] = observed[i] == 0 ? Lts.INTERNAL : alphabet.label(ts.observation(observed[i]));
        }
        return new SideRun(side, e, observed);
    }
}
