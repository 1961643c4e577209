package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.uffdcheck.engine.ExploreOptions.Mode;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult.Status;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.engine.Violation;

/** Several BFS workers must find what one finds, and what the simplest search finds. */
class ParallelBfsProperties {

    @Property(tries = 150)
    void workersReachTheSameStates(@ForAll("graphs") Graph g, @ForAll @IntRange(min = 2, max = 4) int workers) {
        int expected = g.reachableStates().size();
        ExploreResult one = run(g, g.noChecks(), opts(1));
        ExploreResult many = run(g, g.noChecks(), opts(workers));
        assertEquals(Status.HOLDS, one.status());
        assertEquals(Status.HOLDS, many.status());
        assertEquals(expected, one.stats().states());
        assertEquals(expected, many.stats().states());
        assertEquals(one.stats().transitions(), many.stats().transitions());
        assertEquals(one.stats().depth(), many.stats().depth());
    }

    @Property(tries = 200)
    void workersFindEquallyShortViolations(
            @ForAll("graphs") Graph g, @ForAll @IntRange(min = 2, max = 4) int workers,
            @ForAll @Size(max = 6) Set<@IntRange(min = 0, max = 399) Integer> badCandidates,
            @ForAll boolean deadlock) {
        Set<Integer> bad = new HashSet<>();
        for (int b : badCandidates) if (b < g.size()) bad.add(b);
        StateChecks checks = g.checks(bad, deadlock, List.of());
        ExploreResult one = run(g, checks, opts(1));
        ExploreResult many = run(g, checks, opts(workers));
        assertEquals(one.status(), many.status());
        assertEquals(one.property(), many.property());
        assertEquals(one.stats().states(), many.stats().states());
        if (one.violated()) {
            assertEquals(one.trace().length(), many.trace().length());
            assertReplays(g, one.trace());
            assertReplays(g, many.trace());
            // Ties are broken by fingerprint, not by scheduling, and every state is stored from
            // the parent one worker stores it from: the same trace, step for step.
            assertSameTrace(one.trace(), many.trace());
        }
        if (!deadlock) {
            int[] dist = g.distances();
            int shortest = -1;
            for (int b : bad) if (dist[b] >= 0 && (shortest < 0 || dist[b] < shortest)) shortest = dist[b];
            assertEquals(shortest >= 0, many.violated());
            if (shortest >= 0) assertEquals(shortest, many.trace().length());
        }
    }

    @Property(tries = 150)
    void allGivesOneShortestTracePerProperty(@ForAll("graphs") Graph g, @ForAll @IntRange(min = 1, max = 3) int workers,
                                             @ForAll @Size(max = 8) Set<@IntRange(min = 0, max = 399) Integer> marks) {
        int[] dist = distancesNotThrough(g, marks);
        StateChecks checks = twoProperties(g, marks);
        ExploreResult r = run(g, checks, opts(workers).withAll(true));
        int[] shortest = {-1, -1};
        for (int m : marks) {
            if (m >= g.size() || dist[m] < 0) continue;
            int p = m % 2;
            if (shortest[p] < 0 || dist[m] < shortest[p]) shortest[p] = dist[m];
        }
        int expected = (shortest[0] >= 0 ? 1 : 0) + (shortest[1] >= 0 ? 1 : 0);
        assertEquals(expected, r.violations().size());
        assertEquals(expected > 0, r.violated());
        int last = -1;
        for (Violation v : r.violations()) {
            int p = v.property().equals("even") ? 0 : 1;
            assertEquals(shortest[p], v.trace().length());
            assertTrue(v.trace().length() >= last, "shallowest first");
            last = v.trace().length();
            assertEquals(p, g.decode(v.trace().last()) % 2);
            assertReplays(g, v.trace());
        }
        if (expected > 0) assertEquals(r.violations().get(0).property(), r.property());
        // Violating states are not expanded, and the search still covers the rest.
        ExploreResult plain = run(g, checks, opts(workers));
        assertTrue(plain.violations().size() <= 1);
        if (plain.violated()) assertEquals(r.trace().length(), plain.trace().length());
    }

    @Property(tries = 150)
    void bitstateNeverInventsAViolation(@ForAll("graphs") Graph g, @ForAll @IntRange(min = 6, max = 10) int bits,
                                        @ForAll @Size(max = 4) Set<@IntRange(min = 0, max = 399) Integer> badCandidates,
                                        @ForAll boolean dfs) {
        Set<Integer> bad = new HashSet<>();
        for (int b : badCandidates) if (b < g.size()) bad.add(b);
        ExploreOptions o = opts(1).withBitstate(bits).withMode(dfs ? Mode.DFS : Mode.BFS);
        ExploreResult r = run(g, g.checks(bad, false, List.of()), o);
        int[] dist = g.distances();
        if (r.violated()) {
            assertReplays(g, r.trace());
            assertTrue(bad.contains(g.decode(r.trace().last())));
        } else {
            assertEquals(Status.NO_VIOLATION_FOUND, r.status());
            assertTrue(r.coverage().contains("incomplete") && r.coverage().contains("coverage"), r.coverage());
        }
        assertTrue(r.stats().states() <= g.reachableStates().size());
        for (int b : bad) assertTrue(dist[b] < 0 || r.violated() || r.stats().states() < g.reachableStates().size());
    }

    @Property(tries = 100)
    void bitstateWithALargeArrayFindsEverything(@ForAll("graphs") Graph g, @ForAll @IntRange(min = 1, max = 3) int workers,
                                                @ForAll @Size(max = 4) Set<@IntRange(min = 0, max = 399) Integer> badCandidates) {
        Set<Integer> bad = new HashSet<>();
        for (int b : badCandidates) if (b < g.size()) bad.add(b);
        ExploreResult exact = run(g, g.checks(bad, false, List.of()), opts(1));
        ExploreResult bits = run(g, g.checks(bad, false, List.of()), opts(workers).withBitstate(24));
        assertEquals(exact.stats().states(), bits.stats().states());
        assertEquals(exact.violated(), bits.violated());
        if (exact.violated()) assertEquals(exact.trace().length(), bits.trace().length());
        else assertNotEquals(Status.HOLDS, bits.status());
    }

    @Property(tries = 100)
    void everyTraceIsTheOneOneWorkerGives(@ForAll("graphs") Graph g, @ForAll @IntRange(min = 2, max = 4) int workers,
                                          @ForAll @Size(max = 8) Set<@IntRange(min = 0, max = 399) Integer> marks,
                                          @ForAll boolean all, @ForAll boolean bitstate) {
        StateChecks checks = twoProperties(g, marks);
        ExploreOptions o = bitstate ? opts(1).withBitstate(12) : opts(1);
        ExploreResult one = run(g, checks, o.withAll(all));
        ExploreResult many = run(g, checks, o.withAll(all).withWorkers(workers));
        assertEquals(one.stats().states(), many.stats().states());
        assertEquals(one.violations().size(), many.violations().size());
        for (int i = 0; i < one.violations().size(); i++) {
            assertEquals(one.violations().get(i).property(), many.violations().get(i).property());
            assertSameTrace(one.violations().get(i).trace(), many.violations().get(i).trace());
        }
    }

    static void assertSameTrace(Execution a, Execution b) {
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.states().size(), b.states().size());
        for (int i = 0; i < a.states().size(); i++) assertArrayEquals(a.states().get(i), b.states().get(i));
    }

    private static void assertReplays(Graph g, Execution t) {
        TransitionSystem ts = g.system();
        Execution replayed = PathRebuilder.fromLabels(ts, t.labels());
        assertEquals(t.states().size(), replayed.states().size());
        for (int i = 0; i < t.states().size(); i++) assertArrayEquals(t.states().get(i), replayed.states().get(i));
        assertArrayEquals(g.encode(0), t.states().get(0));
    }

    /** Shortest distances from node 0 when marked nodes are reached but not left. */
    private static int[] distancesNotThrough(Graph g, Set<Integer> marks) {
        int[] dist = new int[g.size()];
        java.util.Arrays.fill(dist, -1);
        dist[0] = 0;
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>(List.of(0));
        while (!q.isEmpty()) {
            int u = q.poll();
            if (marks.contains(u)) continue;
            for (int v : g.adj[u]) {
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    q.add(v);
                }
            }
        }
        return dist;
    }

    /** "even" holds of marked even nodes, "odd" of marked odd ones. */
    private static StateChecks twoProperties(Graph g, Set<Integer> marks) {
        return new StateChecks() {
            @Override public int violation(int[] s) {
                int n = g.decode(s);
                return marks.contains(n) ? n % 2 : OK;
            }
            @Override public org.uffdcheck.engine.PropertyId property(int i) { return org.uffdcheck.engine.PropertyId.invariant(i == 0 ? "even" : "odd"); }
            @Override public boolean checksDeadlock() { return false; }
            @Override public boolean isValidEnd(int[] s) { return true; }
            @Override public int reachableCount() { return 0; }
            @Override public org.uffdcheck.engine.PropertyId reachable(int i) { throw new IndexOutOfBoundsException(); }
            @Override public boolean reached(int i, int[] s) { return false; }
        };
    }

    private static ExploreOptions opts(int workers) {
        return ExploreOptions.defaults().withWorkers(workers);
    }

    private static ExploreResult run(Graph g, StateChecks checks, ExploreOptions o) {
        ExploreResult r = new Explorer(g.system(), checks, o).run();
        assertNotNull(r.stats());
        return r;
    }

    @Provide
    Arbitrary<Graph> graphs() {
        // Wider and bushier than the explorer's own graphs, so that levels have many states.
        return Arbitraries.integers().between(1, 400).flatMap(n -> {
            Arbitrary<List<List<Integer>>> adj =
                    Arbitraries.integers().between(0, n - 1).list().ofMaxSize(5).list().ofSize(n);
            Arbitrary<Integer> width = Arbitraries.integers().between(1, 4);
            return Combinators.combine(adj, width).as((lists, w) -> {
                int[][] a = new int[n][];
                for (int i = 0; i < n; i++) a[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
                return new Graph(a, w);
            });
        });
    }
}
