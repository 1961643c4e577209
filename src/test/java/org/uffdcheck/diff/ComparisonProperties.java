package org.uffdcheck.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The comparison against brute-force enumeration of traces and refusals on random small systems. */
class ComparisonProperties {
    private static final int MAX = 7;

    @Property(tries = 3000)
    void findsAShortestDifferenceExactlyWhenOneExists(
            @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 999) Integer> codesA,
            @ForAll @IntRange(min = 1, max = 5) int m,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 999) Integer> codesB) {
        Outcome o = agreesWithReference(lts(n, codesA), lts(m, codesB));
        Statistics.collect(o.status() == Outcome.Status.DIFFERENT ? o.difference().kind() : o.status());
        Statistics.coverage(c -> {
            c.check(Difference.Kind.TRACE).percentage(p -> p > 10);
            c.check(Outcome.Status.SAME).percentage(p -> p > 5);
        });
    }

    /** The same observable traces, but a new way to get stuck: mostly refusal differences. */
    @Property(tries = 1000)
    void findsTheRefusalsOfAnAddedDeadEnd(
            @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 999) Integer> codes,
            @ForAll @IntRange(min = 0, max = 31) int from) {
        Lts a = lts(n, codes);
        Lts b = withDeadEnd(a, from % n);
        Outcome o = agreesWithReference(a, b);
        Statistics.collect(o.status() == Outcome.Status.DIFFERENT ? o.difference().kind() : o.status());
        Statistics.coverage(c -> c.check(Difference.Kind.REFUSAL).percentage(p -> p > 15));
    }

    private static Lts withDeadEnd(Lts a, int from) {
        List<int[]> edges = new ArrayList<>();
        for (int s = 0; s < a.states; s++) {
            for (int e = a.offsets[s]; e < a.offsets[s + 1]; e++) edges.add(new int[] {s, a.targets[e], a.labels[e]});
        }
        edges.add(new int[] {from, a.states, Lts.INTERNAL});
        return Lts.of(a.states + 1, edges.toArray(new int[0][]));
    }

    private static Outcome agreesWithReference(Lts a, Lts b) {
        Outcome o = compare(a, b);
        int expected = Reference.shortestDifference(new Reference(a), new Reference(b), MAX);
        if (expected >= 0) {
            assertEquals(Outcome.Status.DIFFERENT, o.status());
            assertEquals(expected, o.difference().trace().length);
        } else if (o.status() == Outcome.Status.DIFFERENT) {
            assertTrue(o.difference().trace().length > MAX);
        } else {
            assertEquals(Outcome.Status.SAME, o.status());
        }
        if (o.status() == Outcome.Status.DIFFERENT) checkClaim(a, b, o.difference());
        return o;
    }

    @Property(tries = 1000)
    void aSystemIsTheSameAsItselfAndAsItsCollapsedForm(
            @ForAll @IntRange(min = 1, max = 7) int n,
            @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 999) Integer> codes) {
        Lts a = lts(n, codes);
        assertEquals(Outcome.Status.SAME, compare(a, a).status());
        Lts q = InternalSccs.of(a).quotient;
        assertEquals(Outcome.Status.SAME, compare(a, q).status());
        assertEquals(Outcome.Status.SAME, compare(q, a).status());
        Lts b = Compressed.of(a).quotient;
        assertTrue(b.states() <= q.states());
        assertEquals(Outcome.Status.SAME, compare(a, b).status());
        // Compressing again finds nothing left to merge.
        assertEquals(b.states(), Compressed.of(b).quotient.states());
    }

    @Property(tries = 500)
    void limitsEndTheSearchWithoutAVerdict(
            @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 999) Integer> codes,
            @ForAll @IntRange(min = 1, max = 3) int maxPairs) {
        Lts a = lts(n, codes);
        Outcome full = compare(a, a);
        Outcome cut = Comparison.compare(Compressed.of(a).quotient, Compressed.of(a).quotient, maxPairs, 0);
        if (full.pairs() > maxPairs) {
            assertEquals(Outcome.Status.BOUND, cut.status());
            assertEquals(maxPairs, cut.pairs());
        } else {
            assertEquals(Outcome.Status.SAME, cut.status());
        }
    }

    static Outcome compare(Lts a, Lts b) {
        return Comparison.compare(Compressed.of(a).quotient, Compressed.of(b).quotient, 0, 0);
    }

    /** The reported difference holds of the uncollapsed systems, and a run of the side shows it. */
    private static void checkClaim(Lts a, Lts b, Difference d) {
        Lts mine = d.side() == 0 ? a : b;
        Lts theirs = d.side() == 0 ? b : a;
        Reference rm = new Reference(mine);
        Reference rt = new Reference(theirs);
        BitSet sm = rm.after(d.trace());
        BitSet st = rt.after(d.trace());
        assertFalse(sm.isEmpty());
        assertFalse(st.isEmpty());
        assertEquals(new TreeSet<>(asList(d.otherNext())), rt.next(st));
        Compressed c = Compressed.of(mine);
        Runs.Run run;
        if (d.kind() == Difference.Kind.TRACE) {
            assertTrue(rm.next(sm).contains(d.label()));
            assertFalse(rt.next(st).contains(d.label()));
            run = Runs.find(mine, d.run(), c.in(-1));
        } else {
            TreeSet<Integer> offer = new TreeSet<>(asList(d.stableOffer()));
            assertTrue(rm.offers(sm).contains(offer), "no resting state offers " + offer);
            for (TreeSet<Integer> o : rt.offers(st)) assertFalse(offer.containsAll(o), "the other side rests with " + o);
            run = Runs.find(mine, d.trace(), c.restingIn(d.stableState()));
            assertTrue(rm.rests(run.states()[run.states().length - 1]));
        }
        assertNotNull(run);
        assertArrayEquals(d.run(), observed(mine, run));
    }

    static int[] observed(Lts g, Runs.Run run) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < run.successors().length; i++) {
            int e = g.offsets[run.states()[i]] + run.successors()[i];
            assertEquals(run.states()[i + 1], g.targets[e]);
            if (g.labels[e] != Lts.INTERNAL) out.add(g.labels[e]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> asList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) out.add(x);
        return out;
    }

    /** Edge code c: from c mod n, to (c / 7) mod n, observation (c / 49) mod 5 folded onto 0..2, internal half the time. */
    static Lts lts(int n, List<Integer> codes) {
        int[][] edges = new int[codes.size()][];
        for (int i = 0; i < edges.length; i++) {
            int c = codes.get(i);
            int label = (c / 49) % 5;
            edges[i] = new int[] {c % n, (c / 7) % n, label > 2 ? 0 : label};
        }
        return Lts.of(n, edges);
    }
}
