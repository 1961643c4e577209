package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.trace.Counterexample;

/**
 * On random invariants (quantifiers, connectives, comparisons, arithmetic that may overflow or
 * divide by zero, indexes that may be out of bounds) over a state one atomic step sets, a violation
 * is always explained: either located as a fault inside the invariant, or as false with reasons,
 * and every value the reasons quote is the value the state holds.
 */
class WitnessProperties {
    private static final String DECLS = """
            var x: int;
            var y: int;
            var a: int[4];
            var flags: bool[4];
            var l: list<int, 3>;
            var ready: bool;
            """;
    private static final int INVARIANT_LINE = 8;
    /** The step sets ready, so that the violation is always in the state it sets. */
    private static final String PREFIX = "invariant inv: !ready || (";
    private static final Pattern FACT = Pattern.compile("(?<![\\w#.\\]])(x|y|a\\[(\\d+)\\]|flags\\[(\\d+)\\]|len\\(l\\)) = (-?\\d+|true|false)");

    /** A state as the step sets it: x, y, a[0..3], flags[0..3] and the list. */
    record State(int x, int y, List<Integer> a, List<Boolean> flags, List<Integer> l) {
        String assignments() {
            StringBuilder sb = new StringBuilder("ready = true; x = " + lit(x) + "; y = " + lit(y) + ";");
            for (int i = 0; i < 4; i++) sb.append(" a[").append(i).append("] = ").append(lit(a.get(i))).append(";");
            for (int i = 0; i < 4; i++) sb.append(" flags[").append(i).append("] = ").append(flags.get(i)).append(";");
            for (int v : l) sb.append(" push_back(l, ").append(lit(v)).append(");");
            return sb.toString();
        }

        private static String lit(int v) { return v == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(v); }

        /** The values facts may quote, as the report shows them. */
        Map<String, String> values() {
            Map<String, String> out = new HashMap<>();
            out.put("x", Integer.toString(x));
            out.put("y", Integer.toString(y));
            for (int i = 0; i < 4; i++) {
                out.put("a[" + i + "]", Integer.toString(a.get(i)));
                out.put("flags[" + i + "]", Boolean.toString(flags.get(i)));
            }
            out.put("len(l)", Integer.toString(l.size()));
            return out;
        }
    }

    @Property(tries = 300)
    void everyViolationIsExplainedWithTheValuesTheStateHolds(@ForAll("states") State st, @ForAll("invariants") String inv) {
        String model = DECLS + "proc run() { atomic { " + st.assignments() + " } }\n" + PREFIX + inv + ");\n"
                + "scenario s { thread t = run(); check inv; expect holds; }\n";
        CompiledScenario cs = Sem.compile(model);
        ExploreResult r = Sem.explore(cs);
        if (r.status() == ExploreResult.Status.HOLDS) return;
        assertEquals("inv", r.property(), model);
        String why = Counterexample.of(cs, "inv", r.trace()).explanation();
        String falseHead = "invariant at sem.uffd:" + INVARIANT_LINE + " is false: ";
        if (why.startsWith("invariant faults: ")) {
            Matcher m = Pattern.compile(" at sem\\.uffd:(\\d+):(\\d+)$").matcher(why);
            assertTrue(m.find(), why + "\n" + model);
            assertEquals(INVARIANT_LINE, Integer.parseInt(m.group(1)), why);
            int col = Integer.parseInt(m.group(2));
            assertTrue(col > PREFIX.length() && col <= PREFIX.length() + inv.length(), why + "\n" + model);
        } else {
            assertTrue(why.startsWith(falseHead) && why.length() > falseHead.length(), why + "\n" + model);
        }
        assertEquals(1, r.trace().length(), model);
        Map<String, String> values = st.values();
        Matcher m = FACT.matcher(why);
        while (m.find()) assertEquals(values.get(m.group(1)), m.group(4), m.group() + " in " + why + "\n" + model);
    }

    @Provide
    Arbitrary<State> states() {
        Arbitrary<Integer> v = Arbitraries.oneOf(Arbitraries.integers().between(-2, 5),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1));
        Arbitrary<Integer> small = Arbitraries.integers().between(-1, 3);
        return Combinators.combine(v, v, small.list().ofSize(4), Arbitraries.of(true, false).list().ofSize(4),
                small.list().ofMaxSize(3)).as(State::new);
    }

    @Provide
    Arbitrary<String> invariants() { return bool(3, new ArrayList<>()); }

    private static Arbitrary<String> bool(int depth, List<String> bound) {
        List<Arbitrary<? extends String>> leaves = new ArrayList<>();
        leaves.add(Combinators.combine(num(1, bound), Arbitraries.of("==", "!=", "<", "<=", ">", ">="), num(1, bound))
                .as((l, op, r) -> l + " " + op + " " + r));
        leaves.add(index(bound).map(i -> "flags[" + i + "]"));
        if (depth == 0) return Arbitraries.oneOf(leaves);
        String k = "k" + bound.size();
        List<String> inner = new ArrayList<>(bound);
        inner.add(k);
        List<Arbitrary<? extends String>> all = new ArrayList<>(leaves);
        all.add(bool(depth - 1, bound).map(b -> "!(" + b + ")"));
        all.add(Combinators.combine(bool(depth - 1, bound), Arbitraries.of("&&", "||"), bool(depth - 1, bound))
                .as((l, op, r) -> "(" + l + " " + op + " " + r + ")"));
        all.add(Combinators.combine(Arbitraries.of("forall", "exists"), Arbitraries.of("0..3", "0..min(x, 4)", "max(y, -1)..2", "1..len(l)"),
                bool(depth - 1, inner)).as((q, d, b) -> "(" + q + " " + k + " in " + d + ": " + b + ")"));
        all.add(Combinators.combine(Arbitraries.of("forall", "exists"), Arbitraries.of("l", "a"), bool(depth - 1, inner))
                .as((q, c, b) -> "(" + q + " " + k + " in " + c + ": " + b + ")"));
        return Arbitraries.oneOf(all);
    }

    private static Arbitrary<String> num(int depth, List<String> bound) {
        List<String> names = new ArrayList<>(List.of("x", "y", "len(l)", "0", "1", "3"));
        for (String b : bound) names.add(b);
        List<Arbitrary<? extends String>> all = new ArrayList<>();
        all.add(Arbitraries.of(names));
        all.add(index(bound).map(i -> "a[" + i + "]"));
        all.add(index(bound).map(i -> "l[" + i + "]"));
        if (depth > 0) {
            all.add(Combinators.combine(num(depth - 1, bound), Arbitraries.of("+", "-", "*", "/", "%"), num(depth - 1, bound))
                    .as((l, op, r) -> "(" + l + " " + op + " " + r + ")"));
            all.add(num(depth - 1, bound).map(e -> "-(" + e + ")"));
        }
        return Arbitraries.oneOf(all);
    }

    private static Arbitrary<String> index(List<String> bound) {
        List<String> names = new ArrayList<>(List.of("0", "3", "x", "y", "y + 1"));
        names.addAll(bound);
        return Arbitraries.of(names);
    }
}
