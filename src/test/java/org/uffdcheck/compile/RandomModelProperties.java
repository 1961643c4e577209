package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.explore.Explorer;
import org.uffdcheck.explore.PathRebuilder;
import org.uffdcheck.props.ScenarioChecks;

/**
 * On random small models (a few threads incrementing, assigning and awaiting a few bounded
 * globals, some of it under a spinlock or atomic), the explorer agrees with a plain breadth-first
 * search over the same transition system: a reported trace replays to a state that breaks what the
 * verdict names and is as short as any way there; "holds" means no bad state is reachable at all.
 */
class RandomModelProperties {
    private static final String GLOBALS = """
            var g0: int[0..3];
            var g1: int[0..3];
            var g2: int[0..3];
            var lk: spinlock;
            """;

    @Property(tries = 150)
    void reportedTracesReplayToAViolationAndAreShortest(@ForAll("models") String model) {
        CompiledScenario cs = Sem.compile(model);
        ExploreResult r = Sem.explore(cs);
        // A state is bad when it ended in a runtime fault or breaks the invariant; nothing else is checked.
        Predicate<int[]> bad = s -> cs.fault(s) != null || !cs.invariantHolds(0, s);
        int shortest = Sem.shortest(cs, bad);
        if (r.status() == ExploreResult.Status.HOLDS) {
            assertEquals(-1, shortest, model);
            assertEquals(Sem.reachable(cs).size(), r.stats().states(), model);
            return;
        }
        assertEquals(ExploreResult.Status.VIOLATION, r.status(), model);
        Execution replayed = PathRebuilder.fromLabels(cs, r.trace().labels());
        int[] last = replayed.last();
        assertTrue(bad.test(last), model);
        if (r.property().equals("inv")) {
            assertFalse(cs.invariantHolds(0, last), model);
        } else {
            assertEquals(r.property(), cs.fault(last).property, model);
        }
        for (int i = 0; i < replayed.states().size(); i++) {
            assertEquals(Sem.box(r.trace().states().get(i)), Sem.box(replayed.states().get(i)), model);
        }
        assertTrue(shortest >= 0, model);
        assertTrue(replayed.length() <= shortest, "trace of " + replayed.length() + " steps, shortest " + shortest
                + "\n" + model);
        assertEquals(shortest, replayed.length(), model);
    }

    /**
     * With the first procedure started twice (two interchangeable threads), the symmetry reduction
     * gives the same verdict in no more states, a counterexample as short, and one that replays
     * without the reduction to a state that breaks what the verdict names.
     */
    @Property(tries = 100)
    void symmetryKeepsVerdictsAndTraceLengths(@ForAll("models") String model) {
        String twin = model.replace("    thread t0 = p0();\n", "    thread t0 = p0();\n    thread twin = p0();\n");
        CompiledScenario plain = Sem.compile(twin);
        ExploreResult p = Sem.explore(plain);
        CompiledScenario reduced = Sem.compile(twin, Reductions.SYMMETRY);
        ExploreResult r = Sem.explore(reduced);
        assertEquals(p.status(), r.status(), twin);
        assertEquals(p.property(), r.property(), twin);
        assertTrue(r.stats().states() <= p.stats().states(), twin);
        if (p.trace() == null) return;
        assertEquals(p.trace().length(), r.trace().length(), twin);
        Execution replayed = PathRebuilder.fromLabels(plain, r.trace().labels());
        for (int i = 0; i < replayed.states().size(); i++) {
            assertEquals(Sem.box(r.trace().states().get(i)), Sem.box(replayed.states().get(i)), twin);
        }
        int[] last = replayed.last();
        assertTrue(plain.fault(last) != null || !plain.invariantHolds(0, last), twin);
    }

    /** Several workers print the counterexample one prints: the same steps, the same states. */
    @Property(tries = 100)
    void workersGiveTheTraceOneWorkerGives(@ForAll("models") String model,
                                           @ForAll @IntRange(min = 2, max = 4) int workers) {
        CompiledScenario cs = Sem.compile(model);
        ExploreResult one = Sem.explore(cs);
        ExploreResult many = new Explorer(cs, new ScenarioChecks(cs),
                ExploreOptions.defaults().withWorkers(workers)).run();
        assertEquals(one.status(), many.status(), model);
        assertEquals(one.property(), many.property(), model);
        assertEquals(one.stats().states(), many.stats().states(), model);
        if (one.trace() == null) return;
        assertTrue(Arrays.equals(one.trace().labels(), many.trace().labels()), model);
        for (int i = 0; i < one.trace().states().size(); i++) {
            assertEquals(Sem.box(one.trace().states().get(i)), Sem.box(many.trace().states().get(i)), model);
        }
    }

    @Provide
    Arbitrary<String> models() {
        Arbitrary<List<String>> threads = body().list().ofMinSize(2).ofMaxSize(3);
        return Combinators.combine(threads, invariant()).as((bodies, inv) -> {
            StringBuilder sb = new StringBuilder(GLOBALS);
            for (int t = 0; t < bodies.size(); t++) sb.append("proc p").append(t).append("() {\n").append(bodies.get(t)).append("}\n");
            sb.append("invariant inv: ").append(inv).append(";\nscenario s {\n");
            for (int t = 0; t < bodies.size(); t++) sb.append("    thread t").append(t).append(" = p").append(t).append("();\n");
            sb.append("    check inv;\n    expect holds;\n}\n");
            return sb.toString();
        });
    }

    private static Arbitrary<Integer> var() { return Arbitraries.integers().between(0, 2); }

    private static Arbitrary<Integer> value() { return Arbitraries.integers().between(0, 3); }

    private static Arbitrary<String> simple() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, var().map(v -> "g" + v + " = min(g" + v + " + 1, 3);")),
                Tuple.of(1, var().map(v -> "g" + v + " = g" + v + " + 1;")),
                Tuple.of(3, Combinators.combine(var(), value()).as((v, c) -> "g" + v + " = " + c + ";")),
                Tuple.of(2, Combinators.combine(var(), value()).as((v, c) -> "await g" + v + " >= " + c + ";")),
                Tuple.of(1, Combinators.combine(var(), value()).as((v, c) -> "await g" + v + " != " + c + ";")),
                Tuple.of(1, Combinators.combine(var(), var()).as((v, w) -> "if (g" + v + " < g" + w + ") { g" + v
                        + " = g" + w + "; }")));
    }

    private static Arbitrary<String> block() {
        return simple().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
    }

    private static Arbitrary<String> body() {
        Arbitrary<String> item = Arbitraries.frequencyOf(
                Tuple.of(5, simple()),
                Tuple.of(2, block().map(b -> "spin_lock(lk); " + b + " spin_unlock(lk);")),
                Tuple.of(1, block().map(b -> "atomic { " + b + " }")));
        return item.list().ofMinSize(1).ofMaxSize(4).map(l -> "    " + String.join("\n    ", l) + "\n");
    }

    private static Arbitrary<String> invariant() {
        return Arbitraries.oneOf(
                Combinators.combine(var(), var(), Arbitraries.integers().between(0, 6))
                        .as((a, b, c) -> "g" + a + " + g" + b + " <= " + c),
                Combinators.combine(var(), value()).as((a, c) -> "g" + a + " != " + c),
                Combinators.combine(var(), value(), var(), value())
                        .as((a, c, b, d) -> "!(g" + a + " == " + c + " && g" + b + " == " + d + ")"));
    }
}
