package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.props.LassoCheck;

/**
 * LassoCheck, which replay asks, confirms no run, however made up, on a graph where the reference
 * finds no fair violation, so a lasso that is not a fair violating run (tampered, cut short,
 * judged under weaker fairness than it needs) is refuted. That it confirms every lasso the
 * explorer reports is checked in LiveSearchProperties.
 */
class LassoReplayProperties {

    /** A run walked by choice codes, its cycle starting at loopAt: confirmed only where a fair violation exists. */
    @Property(tries = 3000)
    void aMadeUpRunIsConfirmedOnlyWhereTheReferenceFindsAViolation(
            @ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll @Size(max = 14) List<@IntRange(min = 0, max = 999) Integer> edgeCodes,
            @ForAll @IntRange(min = 0, max = 63) int startBits,
            @ForAll @IntRange(min = 0, max = 63) int badBits,
            @ForAll boolean leadsto,
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 15) Integer> choices,
            @ForAll @IntRange(min = 0, max = 8) int loopAt) {
        LiveGraph g = FairCyclesProperties.graph(n, edgeCodes);
        boolean[] start = bits(n, startBits, leadsto);
        boolean[] bad = bits(n, badBits, true);
        List<int[]> states = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int s = 0;
        states.add(new int[] {s});
        for (int c : choices) {
            int out = g.offsets[s + 1] - g.offsets[s];
            if (out == 0) break;
            int k = c % out;
            int e = g.offsets[s] + k;
            labels.add(g.movers[e] << 8 | k);
            s = g.targets[e];
            states.add(new int[] {s});
        }
        int loop = Math.min(loopAt, labels.size());
        int[] l = labels.stream().mapToInt(Integer::intValue).toArray();
        Execution run = new Execution(states, l, loop);
        for (Fairness f : Fairness.values()) {
            LassoCheck.Outcome o = new LassoCheck(LiveSearchProperties.system(g), LiveSearchProperties.checks(start, bad, leadsto),
                    t -> "t" + t).judge(run, 0, f);
            if (o.confirmed()) assertTrue(FairCyclesProperties.reference(g, f, start, bad), f + ": confirmed " + o.why());
            if (states.get(loop)[0] != s) assertFalse(o.confirmed(), "a cycle that does not close");
        }
    }

    @Property(tries = 300)
    void aLassoWithAStepThatIsNoStepIsRefuted(
            @ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 999) Integer> edgeCodes,
            @ForAll @IntRange(min = 0, max = 127) int badBits,
            @ForAll @IntRange(min = 0, max = 30) int which) {
        LiveGraph g = FairCyclesProperties.graph(n, edgeCodes);
        boolean[] start = bits(n, 0, false);
        boolean[] bad = bits(n, badBits, true);
        TransitionSystem ts = LiveSearchProperties.system(g);
        StateChecks checks = LiveSearchProperties.checks(start, bad, false);
        Explorer ex = new Explorer(ts, checks, ExploreOptions.defaults());
        ex.fairness(Fairness.NONE);
        ExploreResult r = ex.run();
        if (r.status() != ExploreResult.Status.VIOLATION || r.trace().length() == 0) return;
        Execution t = r.trace();
        int[] labels = t.labels();
        int i = which % labels.length;
        labels[i] = labels[i] + 100;
        LassoCheck.Outcome o = new LassoCheck(ts, checks, k -> "t" + k).judge(new Execution(t.states(), labels, t.loop()), 0,
                Fairness.NONE);
        assertFalse(o.confirmed());
        assertEquals("step " + (i + 1) + " is not a step of the state before it", o.why());
    }

    private static boolean[] bits(int n, int mask, boolean fromMask) {
        boolean[] out = new boolean[n];
        for (int s = 0; s < n; s++) out[s] = fromMask ? (mask >> s & 1) != 0 : s == 0;
        return out;
    }
}
