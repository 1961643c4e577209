package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.props.LassoCheck;

/**
 * The whole liveness pass through the Explorer, on random graphs posing as transition systems
 * whose labels name the moving thread: the verdict is the reference's of FairCyclesProperties,
 * and a lasso is a run of the system whose cycle closes and never meets the goal, which LassoCheck
 * confirms.
 */
class LiveSearchProperties {

    @Property(tries = 500)
    void explorerVerdictMatchesTheReference(
            @ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 999) Integer> edgeCodes,
            @ForAll @IntRange(min = 0, max = 127) int startBits,
            @ForAll @IntRange(min = 0, max = 127) int badBits,
            @ForAll boolean leadsto) {
        LiveGraph g = FairCyclesProperties.graph(n, edgeCodes);
        boolean[] start = new boolean[n];
        boolean[] bad = new boolean[n];
        for (int s = 0; s < n; s++) {
            start[s] = leadsto ? (startBits >> s & 1) != 0 : s == 0;
            bad[s] = (badBits >> s & 1) != 0;
        }
        for (Fairness f : Fairness.values()) {
            Explorer ex = new Explorer(system(g), checks(start, bad, leadsto), ExploreOptions.defaults());
            ex.fairness(f);
            ExploreResult r = ex.run();
            boolean violated = FairCyclesProperties.reference(g, f, start, bad);
            assertEquals(violated ? Status.VIOLATION : Status.HOLDS, r.status(), f.name());
            if (!violated) continue;
            Execution t = r.trace();
            assertTrue(t.lasso());
            assertArrayEquals(t.states().get(t.loop()), t.last(), "the cycle closes");
            for (int i = 0; i < t.length(); i++) {
                int from = t.states().get(i)[0];
                int k = t.labels()[i] & 0xff;
                assertEquals(g.targets[g.offsets[from] + k], t.states().get(i + 1)[0], "step " + i);
            }
            for (int i = t.loop(); i < t.states().size(); i++) assertTrue(bad[t.states().get(i)[0]], "goal false at " + i);
            // Lassos replay to the violation: judged from the system alone, as replay judges them.
            LassoCheck.Outcome o = new LassoCheck(system(g), checks(start, bad, leadsto), k -> "t" + k).judge(t, 0, f);
            assertTrue(o.confirmed(), f + ": " + o.why());
        }
    }

    /** State [node]; label thread << 8 | k for the node's k-th edge. */
    static TransitionSystem system(LiveGraph g) {
        return new TransitionSystem() {
            @Override public int stateSize() { return 1; }

            @Override public void initialState(int[] out) { out[0] = 0; }

            @Override public Stepper newStepper() {
                int[] next = new int[1];
                return (state, sink) -> {
                    int s = state[0];
                    for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                        next[0] = g.targets[e];
                        sink.accept(next, g.movers[e] << 8 | (e - g.offsets[s]));
                    }
                    return g.offsets[s + 1] - g.offsets[s];
                };
            }

            @Override public int moverOf(int label) { return label >>> 8; }

            @Override public int movers() { return 3; }
        };
    }

    static StateChecks checks(boolean[] start, boolean[] bad, boolean leadsto) {
        return new StateChecks() {
            @Override public int violation(int[] state) { return OK; }

            @Override public PropertyId property(int index) { throw new AssertionError(); }

            @Override public boolean checksDeadlock() { return false; }

            @Override public boolean isValidEnd(int[] state) { return true; }

            @Override public int reachableCount() { return 0; }

            @Override public PropertyId reachable(int index) { throw new AssertionError(); }

            @Override public boolean reached(int index, int[] state) { return false; }

            @Override public int livenessCount() { return 1; }

            @Override public PropertyId liveness(int index) {
                return leadsto ? PropertyId.leadsto("p") : PropertyId.eventually("p");
            }

            @Override public boolean livePremise(int index, int[] state) { return start[state[0]]; }

            @Override public boolean liveGoal(int index, int[] state) { return !bad[state[0]]; }
        };
    }
}
