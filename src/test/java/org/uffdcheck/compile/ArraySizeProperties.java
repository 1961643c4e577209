package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.check.Sizes;

/**
 * Random array shapes, huge ones included, and random index expressions: the model is either
 * rejected for its size (with the exact size when the array alone is too big) or gets the verdict
 * a plain reference evaluation gives. The model is
 * <pre>
 *   var a: cell[d1]...[dk];       (cell is int, or a struct of 1 + w ints)
 *   proc p() { a[e1]...[ek](.v) = 7; }
 *   invariant never7: a[j1]...[jk](.v) != 7;
 * </pre>
 * with the j in bounds, so the verdict is never7 exactly when the e are in bounds and equal to
 * the j, a fault when some e overflows or is out of bounds, and holds otherwise.
 */
class ArraySizeProperties {
    private static final BigInteger LIMIT = BigInteger.valueOf(Sizes.MAX_STATE_SLOTS);
    /** The fault slot, then for the thread and the init code a header and an empty frame each. */
    private static final int OVERHEAD = 1 + 2 * (Layout.HDR + Layout.FRAME_HEADER);

    /**
     * An index as written, and its value in 32-bit arithmetic as the language defines it: null when
     * computing it overflows.
     */
    record Index(String text, Long value) {
        static Index literal(long v) { return new Index(Long.toString(v), v); }

        Index op(char o, Index r) {
            Long v = null;
            if (value != null && r.value != null) {
                long x = switch (o) {
                    case '+' -> value + r.value;
                    case '-' -> value - r.value;
                    default -> value * r.value;
                };
                if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) v = x;
            }
            return new Index("(" + text + " " + o + " " + r.text + ")", v);
        }
    }

    record Shape(List<Integer> dims, int cellWidth, List<Index> write, List<Integer> read) {
        /** Slots of one element: an int, or a struct of v and w more ints. */
        long cellSlots() { return cellWidth == 0 ? 1 : 1 + cellWidth; }

        String model() {
            StringBuilder sb = new StringBuilder();
            String cell = cellWidth == 0 ? "int" : "cell";
            if (cellWidth > 0) sb.append("struct cell {\n    v: int;\n    pad: int[").append(cellWidth).append("];\n}\n");
            sb.append("var a: ").append(cell);
            // Sizes as constants declared after their use, to exercise forward references too.
            for (int i = 0; i < dims.size(); i++) sb.append("[D").append(i).append(']');
            sb.append(";\n");
            String field = cellWidth == 0 ? "" : ".v";
            sb.append("proc p() {\n    a");
            for (Index e : write) sb.append('[').append(e.text()).append(']');
            sb.append(field).append(" = 7;\n}\n");
            sb.append("invariant never7: a");
            for (int j : read) sb.append('[').append(j).append(']');
            sb.append(field).append(" != 7;\n");
            sb.append("scenario s {\n    thread t = p();\n    expect holds;\n}\n");
            for (int i = 0; i < dims.size(); i++) sb.append("const D").append(i).append(" = ").append(dims.get(i)).append(";\n");
            return sb.toString();
        }
    }

    @Property(tries = 300)
    void sizeErrorOrTheReferenceVerdict(@ForAll("shapes") Shape shape) {
        String model = shape.model();
        BigInteger slots = BigInteger.valueOf(shape.cellSlots());
        boolean dimsOk = true;
        for (int d : shape.dims()) {
            dimsOk &= d >= 1 && d <= 4096;
            slots = slots.multiply(BigInteger.valueOf(d));
        }
        CompiledScenario cs;
        try {
            cs = Sem.compile(model);
        } catch (ModelError e) {
            String err = e.diagnostics().render();
            Statistics.collect(!dimsOk ? "bad dimension" : slots.compareTo(LIMIT) > 0 ? "type too big" : "state too big");
            if (!dimsOk) {
                assertTrue(err.contains("array size must be between 1 and 4096"), err + model);
            } else if (slots.compareTo(LIMIT) > 0) {
                assertTrue(err.contains("this type needs " + slots + " state slots; a state may have at most 65536"), err + model);
            } else if (slots.add(BigInteger.ONE).compareTo(LIMIT) > 0) {
                assertTrue(err.contains("with a, the globals need " + slots.add(BigInteger.ONE) + " state slots"), err + model);
            } else {
                BigInteger total = slots.add(BigInteger.valueOf(OVERHEAD));
                assertTrue(total.compareTo(LIMIT) > 0, "rejected, though " + total + " slots fit:\n" + err + model);
                assertTrue(err.contains("scenario s needs " + total + " state slots"), err + model);
            }
            return;
        }
        assertTrue(dimsOk && slots.add(BigInteger.valueOf(OVERHEAD)).compareTo(LIMIT) <= 0, "accepted:\n" + model);
        assertTrue(cs.stateSize() <= Sizes.MAX_STATE_SLOTS, model);
        ExploreResult r = Sem.explore(cs);
        Set<String> allowed = reference(shape);
        Statistics.collect(allowed.toString());
        if (allowed.contains("holds")) {
            assertEquals(ExploreResult.Status.HOLDS, r.status(), () -> r.property() + "\n" + model);
        } else {
            assertEquals(ExploreResult.Status.VIOLATION, r.status(), model);
            assertTrue(allowed.contains(r.property()), r.property() + " instead of " + allowed + "\n" + model);
        }
    }

    /**
     * The verdicts a plain evaluation allows: the faults of the indices in error (which one comes
     * first depends on the order indices are computed in, which is not the point here), else
     * never7 when the write hits the cell the invariant reads, else holds.
     */
    private static Set<String> reference(Shape s) {
        Set<String> faults = new TreeSet<>();
        boolean same = true;
        for (int i = 0; i < s.dims().size(); i++) {
            Long v = s.write().get(i).value();
            if (v == null) faults.add("arithmetic");
            else if (v < 0 || v >= s.dims().get(i)) faults.add("index_out_of_bounds");
            else same &= v == (long) s.read().get(i);
        }
        if (!faults.isEmpty()) return faults;
        return Set.of(same ? "never7" : "holds");
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<Integer> dim = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 6)),
                Tuple.of(3, Arbitraries.of(15, 16, 17, 255, 256, 257, 1023, 1024, 4095, 4096)),
                Tuple.of(1, Arbitraries.of(0, -1, 4097, 65536, Integer.MAX_VALUE)));
        Arbitrary<Integer> width = Arbitraries.of(0, 0, 1, 3, 15, 4095, 4096);
        Arbitrary<Shape> random = Combinators.combine(dim.list().ofMinSize(1).ofMaxSize(4), width).flatAs(ArraySizeProperties::shape);
        // Arrays of 65,520 to 65,536 ints: the state fits exactly, or the globals or the whole state do not.
        Arbitrary<Shape> edge = Arbitraries.of(List.of(4095, 16), List.of(255, 257), List.of(3, 5, 17, 257), List.of(16, 4096),
                List.of(4094, 16), List.of(8, 8, 1024)).flatMap(dims -> shape(dims, 0));
        return Arbitraries.frequencyOf(Tuple.of(4, random), Tuple.of(1, edge));
    }

    private static Arbitrary<Shape> shape(List<Integer> dims, int width) {
        List<Arbitrary<Index>> writes = new ArrayList<>();
        List<Arbitrary<Integer>> reads = new ArrayList<>();
        for (int d : dims) {
            writes.add(index(d));
            reads.add(Arbitraries.integers().between(0, Math.max(0, Math.min(d, 4096) - 1)));
        }
        return Combinators.combine(Combinators.combine(writes).as(l -> l), Combinators.combine(reads).as(l -> l))
                .as((ws, rs) -> new Shape(dims, width, ws, rs));
    }

    /** Mostly the few values that matter for a dimension d; sometimes an expression that overflows. */
    private static Arbitrary<Index> index(int d) {
        Arbitrary<Index> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 2).map(v -> Index.literal(v)),
                Arbitraries.of(d - 1L, (long) d, -1L, 65536L, (long) Integer.MAX_VALUE).map(Index::literal));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(2, Combinators.combine(leaf, Arbitraries.of('+', '-', '*'), leaf)
                        .as((l, o, r) -> l.op(o, r))));
    }
}
