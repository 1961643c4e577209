package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.uffdcheck.engine.ExploreOptions.Mode;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.engine.Witness;

class ExplorerProperties {

    @Property(tries = 300)
    void bfsAndDfsReachExactlyTheReachableStates(@ForAll("graphs") Graph g) {
        Set<List<Integer>> expected = g.reachableStates();
        for (Mode mode : List.of(Mode.BFS, Mode.DFS)) {
            Set<List<Integer>> expanded = new HashSet<>();
            ExploreResult r = explore(g.system(expanded), g, g.noChecks(), mode);
            assertEquals(Status.HOLDS, r.status(), mode.name());
            assertEquals(expected.size(), r.stats().states(), mode.name());
            assertEquals(expected, expanded, mode.name());
            assertNull(r.trace());
        }
    }

    @Property(tries = 300)
    void violationFoundIffBadNodeReachableWithShortestTrace(
            @ForAll("graphs") Graph g,
            @ForAll @Size(max = 6) Set<@IntRange(min = 0, max = 199) Integer> badCandidates) {
        Set<Integer> bad = new HashSet<>();
        for (int b : badCandidates) if (b < g.size()) bad.add(b);
        int[] dist = g.distances();
        int shortest = -1;
        for (int b : bad) if (dist[b] >= 0 && (shortest < 0 || dist[b] < shortest)) shortest = dist[b];
        TransitionSystem ts = g.system();

        ExploreResult bfs = explore(ts, g, g.checks(bad, false, List.of()), Mode.BFS);
        ExploreResult dfs = explore(ts, g, g.checks(bad, false, List.of()), Mode.DFS);
        if (shortest < 0) {
            assertEquals(Status.HOLDS, bfs.status());
            assertEquals(Status.HOLDS, dfs.status());
            return;
        }
        assertEquals(Status.VIOLATION, bfs.status());
        assertEquals("bad", bfs.property());
        assertEquals(shortest, bfs.trace().length());
        assertReplaysToBad(ts, g, bad, bfs.trace());

        assertEquals(Status.VIOLATION, dfs.status());
        assertTrue(dfs.trace().length() >= shortest);
        assertReplaysToBad(ts, g, bad, dfs.trace());
    }

    @Property(tries = 200)
    void witnessesAreShortestAndReplay(@ForAll("graphs") Graph g, @ForAll @IntRange(min = 0, max = 199) int target) {
        int t = target % g.size();
        int[] dist = g.distances();
        ExploreResult r = explore(g.system(), g, g.checks(List.of(), false, List.of(), t), Mode.BFS);
        Witness w = r.witnesses().get(0);
        assertEquals("reach-" + t, w.name());
        if (dist[t] < 0) {
            assertEquals(Status.VIOLATION, r.status());
            assertEquals("reach-" + t, r.property());
            assertNull(r.trace());
            assertNull(w.trace());
        } else {
            assertEquals(Status.HOLDS, r.status());
            assertNotNull(w.trace());
            assertEquals(dist[t], w.trace().length());
            assertEquals(t, g.decode(w.trace().last()));
        }
    }

    private static void assertReplaysToBad(TransitionSystem ts, Graph g, Set<Integer> bad, Execution trace) {
        Execution replayed = PathRebuilder.fromLabels(ts, trace.labels());
        assertEquals(trace.states().size(), replayed.states().size());
        for (int i = 0; i < trace.states().size(); i++) {
            assertArrayEquals(trace.states().get(i), replayed.states().get(i));
        }
        assertArrayEquals(g.encode(0), trace.states().get(0));
        assertTrue(bad.contains(g.decode(trace.last())));
    }

    static ExploreResult explore(TransitionSystem ts, Graph g, org.uffdcheck.engine.StateChecks checks, Mode mode) {
        return new Explorer(ts, checks, ExploreOptions.defaults().withMode(mode)).run();
    }

    @Provide
    Arbitrary<Graph> graphs() {
        return Arbitraries.integers().between(1, 200).flatMap(n -> {
            Arbitrary<List<List<Integer>>> adj =
                    Arbitraries.integers().between(0, n - 1).list().ofMaxSize(3).list().ofSize(n);
            Arbitrary<Integer> width = Arbitraries.integers().between(1, 4);
            return Combinators.combine(adj, width).as((lists, w) -> {
                int[][] a = new int[n][];
                for (int i = 0; i < n; i++) a[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
                return new Graph(a, w);
            });
        });
    }
}
