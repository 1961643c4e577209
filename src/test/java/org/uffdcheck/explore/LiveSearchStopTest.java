package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.PropertyId;
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
        TransitionSystem ring = new TransitionSystem() {
            @Override public int stateSize() { return 1; }

            @Override public void initialState(int[] out) { out[0] = 0; }

            @Override public Stepper newStepper() {
                int[] next = new int[1];
                return (state, sink) -> {
                    // The safety search expands each state once, then the liveness pass numbers them again:
                    // the stop comes as the last state is numbered, so only the cycle search can notice it.
                    if (++expansions[0] == 2L * N) explorer.get().requestStop();
                    next[0] = (state[0] + 1) % N;
                    sink.accept(next, 0);
                    return 1;
                };
            }
        };
        Explorer ex = new Explorer(ring, neverGoal(), ExploreOptions.defaults());
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
        ExploreResult r = new Explorer(new Ring(), neverGoal(), ExploreOptions.defaults()).run();
        assertEquals(Status.VIOLATION, r.status());
        assertEquals(0, r.trace().loop());
        assertEquals(N, r.trace().length());
    }

    private static final class Ring implements TransitionSystem {
        @Override public int stateSize() { return 1; }

        @Override public void initialState(int[] out) { out[0] = 0; }

        @Override public Stepper newStepper() {
            int[] next = new int[1];
            return (state, sink) -> {
                next[0] = (state[0] + 1) % N;
                sink.accept(next, 0);
                return 1;
            };
        }
    }

    private static StateChecks neverGoal() {
        return new StateChecks() {
            @Override public int violation(int[] state) { return OK; }

            @Override public PropertyId property(int index) { throw new AssertionError(); }

            @Override public boolean checksDeadlock() { return false; }

            @Override public boolean isValidEnd(int[] state) { return true; }

            @Override public int reachableCount() { return 0; }

            @Override public PropertyId reachable(int index) { throw new AssertionError(); }

            @Override public boolean reached(int index, int[] state) { return false; }

            @Override public int livenessCount() { return 1; }

            @Override public PropertyId liveness(int index) { return PropertyId.eventually("never"); }

            @Override public boolean liveGoal(int index, int[] state) { return false; }
        };
    }
}
