package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.uffdcheck.engine.ExploreResult;

/**
 * A random structured program (if, while, break) and the same program written with goto, as C
 * writes loops by hand, run against a second thread: the two give the same verdict, the same
 * reachable values of the globals, and, since a goto costs no step and each test stays one, the
 * same number of states.
 */
class GotoEquivalenceProperties {
    private static final String HEAD = """
            var g0: int[0..3];
            var g1: int[0..3];
            invariant not_both_three: !(g0 == 3 && g1 == 3);
            """;

    @Property(tries = 120)
    void gotoFormMatchesTheStructuredForm(@ForAll long seed) {
        Random r = new Random(seed);
        Node body = block(r, 3, false);
        String other = block(r, 2, false).structured();
        String structured = model(body.structured(), other);
        String gotos = model(new GotoWriter().block(body), other);
        CompiledScenario a = Sem.compile(structured), b = Sem.compile(gotos);
        ExploreResult ra = Sem.explore(a), rb = Sem.explore(b);
        assertEquals(ra.status(), rb.status(), gotos);
        assertEquals(ra.property(), rb.property(), gotos);
        assertEquals(globals(a), globals(b), gotos);
        assertEquals(ra.stats().states(), rb.stats().states(), gotos);
    }

    private static String model(String one, String two) {
        return HEAD + "proc one() {\n" + one + "}\nproc two() {\n" + two + "}\n"
                + "scenario s {\n    thread t1 = one();\n    thread t2 = two();\n    check not_both_three;\n    expect holds;\n}\n";
    }

    /** The values of g0 and g1 in every reachable state. */
    private static Set<String> globals(CompiledScenario cs) {
        Set<String> out = new TreeSet<>();
        for (List<Integer> s : Sem.reachable(cs)) {
            StringBuilder b = new StringBuilder();
            for (String line : cs.describer().state(Sem.unbox(s))) if (line.startsWith("g")) b.append(line).append(';');
            out.add(b.toString());
        }
        return out;
    }

    /** A statement of the generated programs. */
    private sealed interface Node {
        String structured();
    }

    private record Assign(int target, int source, int k) implements Node {
        public String structured() { return "g" + target + " = (g" + source + " + " + k + ") % 4;\n"; }
    }

    private record Break() implements Node {
        public String structured() { return "break;\n"; }
    }

    private record If(String cond, Node then, Node orElse) implements Node {
        public String structured() { return "if (" + cond + ") {\n" + then.structured() + "} else {\n" + orElse.structured() + "}\n"; }
    }

    private record While(String cond, Node body) implements Node {
        public String structured() { return "while (" + cond + ") {\n" + body.structured() + "}\n"; }
    }

    private record Block(List<Node> stmts) implements Node {
        public String structured() {
            StringBuilder b = new StringBuilder();
            for (Node n : stmts) b.append(n.structured());
            return b.toString();
        }
    }

    private static Block block(Random r, int depth, boolean inLoop) {
        int n = 1 + r.nextInt(3);
        Node[] out = new Node[n];
        for (int i = 0; i < n; i++) out[i] = stmt(r, depth, inLoop);
        return new Block(List.of(out));
    }

    private static Node stmt(Random r, int depth, boolean inLoop) {
        int pick = depth <= 0 ? 0 : r.nextInt(4);
        String cond = "g" + r.nextInt(2) + (r.nextBoolean() ? " < " : " != ") + r.nextInt(4);
        return switch (pick) {
            case 1 -> new If(cond, block(r, depth - 1, inLoop), block(r, depth - 1, inLoop));
            // The loop's body moves its own variable, so most loops end; those that do not are
            // cycles of tests, which both forms explore alike.
            case 2 -> new While(cond, new Block(List.of(block(r, depth - 1, true), new Assign(r.nextInt(2), r.nextInt(2), 1))));
            case 3 -> inLoop && r.nextBoolean() ? new Break() : new Assign(r.nextInt(2), r.nextInt(2), r.nextInt(4));
            default -> new Assign(r.nextInt(2), r.nextInt(2), r.nextInt(4));
        };
    }

    /** Writes if and while as tests and gotos; labels on empty blocks, so they add no step. */
    private static final class GotoWriter {
        private int labels;
        private String loopEnd;

        String block(Node n) {
            if (n instanceof Block b) {
                StringBuilder s = new StringBuilder();
                for (Node m : b.stmts()) s.append(block(m));
                return s.toString();
            }
            if (n instanceof If i) {
                String orElse = "else" + labels, end = "fi" + labels++;
                return "if (!(" + i.cond() + ")) {\ngoto " + orElse + ";\n}\n" + block(i.then()) + "goto " + end + ";\n"
                        + orElse + ": {}\n" + block(i.orElse()) + end + ": {}\n";
            }
            if (n instanceof While w) {
                String head = "head" + labels, end = "done" + labels++;
                String saved = loopEnd;
                loopEnd = end;
                String body = block(w.body());
                loopEnd = saved;
                return head + ": if (!(" + w.cond() + ")) {\ngoto " + end + ";\n}\n" + body + "goto " + head + ";\n" + end + ": {}\n";
            }
            if (n instanceof Break) return "goto " + loopEnd + ";\n";
            return n.structured();
        }
    }
}
