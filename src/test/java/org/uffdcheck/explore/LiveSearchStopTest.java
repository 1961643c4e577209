package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;

/**
 * A stop request (Ctrl-C) that comes while the liveness pass searches for cycles ends the run as
 * interrupted, with the counts of the search that saw every state, instead of a verdict reached
 * after the user asked to stop.
 */
class LiveSearchStopTest {
    /** A ring of states whose goal never holds: without the stop, a violation. Not 1 modulo the poll interval. */
    private static final int N = 50_000;

    @Test
    void aStopDuringTheCycleSearchInterruptsWithTheCountsSoFar() {
        AtomicReference<Explorer> explorer = new AtomicReference<>();
        long[] expansions = {0};
        // The safety search expands each state once, then the liveness pass numbers them again:
        // the stop comes as the last state is numbered, so only the cycle search can notice it.
        Explorer ex = new Explorer(ring(() -> {
            if (++expansions[0] == 2L * N) explorer.get().requestStop();
        }), neverGoal(), ExploreOptions.defaults());
        explorer.set(ex);
        ExploreResult r = ex.run();
        assertEquals(Status.INTERRUPTED, r.status());
        assertEquals(N, r.stats().states(), "the counts of the safety search");
        assertEquals(N, r.stats().transitions());
        assertNull(r.trace());
        assertEquals(2L * N, expansions[0], "the graph was built, and no lasso was traced after the stop");
    }

    @Test
    void withoutAStopTheRingIsALasso() {
        ExploreResult r = new Explorer(ring(() -> { }), neverGoal(), ExploreOptions.defaults()).run();
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(0, r.trace().loop());
        assertEquals(N, r.trace().length());
    }

    /** States 0 .. N-1, each with one step to the next, round; onExpand runs at each expansion. */
    private static TransitionSystem ring(Runnable onExpand) {
        int[] offsets = new int[N + 1];
        int[] targets = new int[N];
        for (int s = 0; s < N; s++) {
            offsets[s + 1] = s + 1;
            targets[s] = (s + 1) % N;
        }
        TransitionSystem graph = LiveSearchProperties.system(new LiveGraph(offsets, targets, new byte[N]));
        return new TransitionSystem() {
            @Override public int stateSize() { return 1; }

            @Override public void initialState(int[] out) { graph.initialState(out); }

            @Override public Stepper newStepper() {
                Stepper inner = graph.newStepper();
                return (state, sink) -> {
                    onExpand.run();
                    return inner.successors(state, sink);
                };
            }
        };
    }

    /** eventually with a goal false everywhere: every state is bad, only the initial one a start. */
    private static StateChecks neverGoal() {
        boolean[] start = new boolean[N];
        boolean[] bad = new boolean[N];
        start[0] = true;
        java.util.Arrays.fill(bad, true);
        return LiveSearchProperties.checks(start, bad, false);
    }
}
