package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.uffdcheck.lang.ModelError;

/**
 * The generated steps give the interpreter's graph on random models: the same successors in the
 * same order, the same vectors and fingerprints, the same faults. The statements are drawn from
 * every form the step compiler lowers (and some it leaves to the interpreter), with values that
 * run into its faults: indexes out of bounds, full and empty lists, division by zero, overflow,
 * unlocking what is not held, failing asserts.
 */
class CompiledStepsProperties {
    private static final String GLOBALS = """
            var g0: int[0..3];
            var g1: int[0..3];
            var big: int;
            var arr: int[0..3][3];
            var q: list<int[0..3], 2>;
            var sem: rwsem;
            var lk: spinlock;
            """;

    @Property(tries = 300)
    void generatedStepsGiveTheInterpretersGraph(@ForAll("models") String model) {
        CompiledScenario interp = compile(model, Reductions.NONE).engine(Engine.INTERP);
        CompiledScenario compiled = compile(model, Reductions.NONE).engine(Engine.COMPILED);
        assertTrue(compiled.compiledSteps(), model);
        assertNull(EngineIdentity.firstDifference(interp, compiled, 20_000), model);
    }

    @Property(tries = 100)
    void theSameUnderBothReductions(@ForAll("models") String model) {
        Reductions both = new Reductions(true, true);
        CompiledScenario interp = compile(model, both).engine(Engine.INTERP);
        CompiledScenario compiled = compile(model, both).engine(Engine.COMPILED);
        assertNull(EngineIdentity.firstDifference(interp, compiled, 20_000), model);
    }

    /** The model compiled; a model the checker rejects (a constant out of its range) is not tried. */
    private static CompiledScenario compile(String model, Reductions r) {
        try {
            return Sem.compile(model, r);
        } catch (ModelError e) {
            Assume.that(false);
            throw e;
        }
    }

    @Provide
    Arbitrary<String> models() {
        Arbitrary<List<String>> threads = body().list().ofMinSize(2).ofMaxSize(3);
        return threads.map(bodies -> {
            StringBuilder sb = new StringBuilder(GLOBALS);
            for (int t = 0; t < bodies.size(); t++) {
                sb.append("proc p").append(t).append("() {\n    var x: int[0..3];\n").append(bodies.get(t)).append("}\n");
            }
            sb.append("scenario s {\n");
            for (int t = 0; t < bodies.size(); t++) sb.append("    thread t").append(t).append(" = p").append(t).append("();\n");
            sb.append("    expect holds;\n}\n");
            return sb.toString();
        });
    }

    private static Arbitrary<String> var() { return Arbitraries.of("g0", "g1", "x", "arr[g0]", "arr[x]", "arr[2]"); }

    private static Arbitrary<Integer> value() { return Arbitraries.integers().between(-1, 4); }

    private static Arbitrary<String> expr() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3).map(String::valueOf),
                var(),
                Combinators.combine(var(), Arbitraries.of("+", "-", "*", "/", "%"), value())
                        .as((v, op, c) -> "(" + v + " " + op + " " + c + ")"),
                Combinators.combine(var(), var()).as((v, w) -> "min(" + v + ", " + w + ")"),
                Arbitraries.of("len(q)", "big + 2147483647", "-big", "big * 65536 * 65536", "q[0]", "q[g1]"));
    }

    private static Arbitrary<String> cond() {
        return Combinators.combine(expr(), Arbitraries.of("==", "!=", "<", "<=", ">", ">="), expr())
                .as((l, op, r) -> l + " " + op + " " + r)
                .flatMap(c -> Arbitraries.of(c, "!(" + c + ")", c + " && g1 < 2", c + " || x == 1"));
    }

    private static Arbitrary<String> simple() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(var(), expr()).as((v, e) -> v + " = " + e + ";")),
                Tuple.of(1, Arbitraries.of("big = big + 1;", "big = 2147483647;", "big = 0 - 2147483647 - 1;")),
                Tuple.of(2, cond().map(c -> "await " + c + ";")),
                Tuple.of(1, cond().map(c -> "assert " + c + ";")),
                Tuple.of(2, Combinators.combine(cond(), var(), expr()).as((c, v, e) -> "if (" + c + ") { " + v + " = " + e
                        + "; } else { skip; }")),
                Tuple.of(2, expr().map(e -> "push_back(q, " + e + ");")),
                Tuple.of(2, var().map(v -> v + " = pop_front(q);")),
                Tuple.of(1, Arbitraries.of("pop_front(q);", "down_read(sem);", "up_read(sem);", "down_write(sem);",
                        "up_write(sem);", "spin_lock(lk);", "spin_unlock(lk);")),
                Tuple.of(1, Combinators.combine(cond(), var()).as((c, v) -> "either { await " + c + "; " + v
                        + " = 1; } or { " + v + " = 2; } or { skip; }")),
                Tuple.of(1, Combinators.combine(cond(), var()).as((c, v) -> "while (" + c + ") { " + v + " = " + v
                        + " + 1; }")),
                Tuple.of(1, var().map(v -> "select " + v + " in 0..2;")));
    }

    private static Arbitrary<String> body() {
        Arbitrary<String> item = Arbitraries.frequencyOf(
                Tuple.of(6, simple()),
                Tuple.of(1, simple().list().ofMinSize(1).ofMaxSize(3).map(l -> "atomic { " + String.join(" ", l) + " }")),
                Tuple.of(1, simple().list().ofMinSize(1).ofMaxSize(2).map(l -> "down_read(sem); " + String.join(" ", l)
                        + " up_read(sem);")));
        return item.list().ofMinSize(1).ofMaxSize(5).map(l -> "    " + String.join("\n    ", l) + "\n");
    }
}
