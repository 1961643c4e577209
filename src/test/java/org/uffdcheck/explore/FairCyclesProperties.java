package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.uffdcheck.engine.Fairness;

/**
 * FairCycles against the definition: a fair run stays for ever in the bad states after a start
 * exactly when the bad states reachable from a start through bad states hold an end state or a
 * strongly connected set of states that is fair, whichever set that is. The reference tries every
 * subset, so it splits nothing and shares no code with the SCC search.
 */
class FairCyclesProperties {
    private static final int THREADS = 3;

    @Property(tries = 2000)
    void findsAFairLassoExactlyWhenOneExists(
            @ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 999) Integer> edgeCodes,
            @ForAll @IntRange(min = 0, max = 127) int startBits,
            @ForAll @IntRange(min = 0, max = 127) int badBits,
            @ForAll boolean startAtInit) {
        LiveGraph g = graph(n, edgeCodes);
        boolean[] start = new boolean[n];
        boolean[] bad = new boolean[n];
        for (int s = 0; s < n; s++) {
            start[s] = startAtInit ? s == 0 : (startBits >> s & 1) != 0;
            bad[s] = (badBits >> s & 1) != 0;
        }
        for (Fairness f : Fairness.values()) {
            Lasso l = FairCycles.find(g, f, start, bad);
            assertEquals(reference(g, f, start, bad), l != null, f.name());
            if (l != null) checkLasso(g, f, start, bad, l);
        }
    }

    @Property(tries = 300)
    void strongerFairnessFindsFewerViolations(
            @ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 999) Integer> edgeCodes,
            @ForAll @IntRange(min = 0, max = 127) int badBits) {
        LiveGraph g = graph(n, edgeCodes);
        boolean[] start = new boolean[n];
        start[0] = true;
        boolean[] bad = new boolean[n];
        for (int s = 0; s < n; s++) bad[s] = (badBits >> s & 1) != 0;
        boolean none = FairCycles.find(g, Fairness.NONE, start, bad) != null;
        boolean weak = FairCycles.find(g, Fairness.WEAK, start, bad) != null;
        boolean strong = FairCycles.find(g, Fairness.STRONG, start, bad) != null;
        assertTrue(!strong || weak);
        assertTrue(!weak || none);
    }

    /** Edge code c: from c mod n, to (c / 7) mod n, moved by thread (c / 49) mod THREADS. */
    static LiveGraph graph(int n, List<Integer> codes) {
        List<List<int[]>> out = new ArrayList<>();
        for (int s = 0; s < n; s++) out.add(new ArrayList<>());
        for (int c : codes) out.get(c % n).add(new int[] {(c / 7) % n, (c / 49) % THREADS});
        int[] offsets = new int[n + 1];
        int[] targets = new int[codes.size()];
        byte[] movers = new byte[codes.size()];
        int e = 0;
        for (int s = 0; s < n; s++) {
            offsets[s] = e;
            for (int[] edge : out.get(s)) {
                targets[e] = edge[0];
                movers[e++] = (byte) edge[1];
            }
        }
        offsets[n] = e;
        return new LiveGraph(offsets, targets, movers);
    }

    static boolean reference(LiveGraph g, Fairness f, boolean[] start, boolean[] bad) {
        int n = g.states;
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        boolean[][] reach = closure(g, all);
        boolean[][] reachBad = closure(g, bad);
        boolean[] region = new boolean[n];
        for (int s = 0; s < n; s++) {
            if (!reach[0][s] || !start[s] || !bad[s]) continue;
            for (int t = 0; t < n; t++) if (reachBad[s][t]) region[t] = true;
        }
        for (int s = 0; s < n; s++) if (region[s] && g.ends(s)) return true;
        for (int set = 1; set < 1 << n; set++) {
            boolean[] in = new boolean[n];
            boolean inside = true;
            for (int s = 0; s < n; s++) {
                in[s] = (set >> s & 1) != 0;
                if (in[s] && !region[s]) inside = false;
            }
            if (inside && stronglyConnected(g, in) && fair(g, f, in, internalMoves(g, in))) return true;
        }
        return false;
    }

    /** r[a][b]: b is reachable from a in zero or more steps through states of within (a itself aside). */
    private static boolean[][] closure(LiveGraph g, boolean[] within) {
        int n = g.states;
        boolean[][] r = new boolean[n][n];
        for (int s = 0; s < n; s++) {
            r[s][s] = true;
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (within[g.targets[e]]) r[s][g.targets[e]] = true;
        }
        for (int k = 0; k < n; k++) {
            if (!within[k]) continue;
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) if (r[a][k] && r[k][b]) r[a][b] = true;
        }
        return r;
    }

    private static boolean stronglyConnected(LiveGraph g, boolean[] in) {
        int n = g.states;
        boolean[][] step = new boolean[n][n];
        boolean anyEdge = false;
        for (int s = 0; s < n; s++) {
            if (!in[s]) continue;
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (in[g.targets[e]]) { step[s][g.targets[e]] = true; anyEdge = true; }
            }
        }
        if (!anyEdge) return false;
        for (int k = 0; k < n; k++) for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) {
            if (step[a][k] && step[k][b]) step[a][b] = true;
        }
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) if (in[a] && in[b] && !step[a][b]) return false;
        return true;
    }

    private static int internalMoves(LiveGraph g, boolean[] in) {
        int moved = 0;
        for (int s = 0; s < g.states; s++) {
            if (!in[s]) continue;
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (in[g.targets[e]]) moved |= 1 << g.movers[e];
        }
        return moved;
    }

    /** Whether a run visiting exactly the states of in for ever, taking the moves in moved, is fair. */
    private static boolean fair(LiveGraph g, Fairness f, boolean[] in, int moved) {
        for (int t = 0; t < THREADS; t++) {
            boolean always = true;
            boolean sometimes = false;
            for (int s = 0; s < g.states; s++) {
                if (!in[s]) continue;
                boolean en = (g.enabled(s) >> t & 1) != 0;
                always &= en;
                sometimes |= en;
            }
            boolean moves = (moved >> t & 1) != 0;
            boolean ok = switch (f) {
                case NONE -> true;
                case WEAK -> !always || moves;
                case STRONG -> !sometimes || moves;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static void checkLasso(LiveGraph g, Fairness f, boolean[] start, boolean[] bad, Lasso l) {
        int[] st = l.states();
        assertEquals(0, st[0]);
        for (int i = 0; i < l.edges().length; i++) {
            assertEquals(st[i], g.source(l.edges()[i]), "edge " + i + " leaves its state");
            assertEquals(st[i + 1], g.targets[l.edges()[i]], "edge " + i + " enters the next state");
        }
        int k = l.loopStart();
        while (k > 0 && !start[st[k]] && bad[st[k - 1]]) k--;
        assertTrue(start[st[k]], "a start before the loop, with only bad states after it");
        for (int i = k; i < st.length; i++) assertTrue(bad[st[i]], "state " + i + " is bad");
        if (l.ends()) {
            assertTrue(g.ends(st[st.length - 1]));
            return;
        }
        boolean[] in = new boolean[g.states];
        int moved = 0;
        for (int i = l.loopStart(); i < l.edges().length; i++) {
            in[st[i]] = true;
            moved |= 1 << g.movers[l.edges()[i]];
        }
        assertTrue(fair(g, f, in, moved), "the cycle is fair");
    }
}
