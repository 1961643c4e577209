package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertViolation;

import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.trace.Counterexample;

/**
 * What a violation report says: the failing quantifier instance and the values that make an
 * invariant false, the fault an invariant's evaluation meets and where, and each leaked object
 * with the step that allocated it.
 */
class WitnessSemanticsTest {
    private static final String DECLS = """
            struct obj { refs: int; next: obj*; }
            pool obj[3];
            var ctxs: obj*[2];
            var flags: bool[5];
            var l: list<int, 3>;
            var x: int;
            var y: int;
            var p: obj*;
            var q: obj*;
            """;

    /**
     * The report for invariant inv after one atomic step runs body from the zero state (where inv
     * must hold): the text after "inv: ".
     */
    private static String report(String body, String invariant) {
        String m = DECLS + "proc run() { atomic { " + body + " } }\n"
                + "invariant inv: " + invariant + ";\n"
                + "scenario s { thread t = run(); check inv; expect holds; }\n";
        CompiledScenario cs = Sem.compile(m);
        ExploreResult r = Sem.explore(cs);
        assertViolation("inv", 1, r);
        String why = Counterexample.of(cs, "inv", r.trace()).explanation();
        assertEquals(why, cs.invariantFailure("inv", r.trace().last()), "the report and replay say the same");
        return why;
    }

    /** The explanation after the invariant's location (line 11 of the model). */
    private static String why(String body, String invariant) {
        String r = report(body, invariant);
        String head = "invariant at sem.uffd:11 is false: ";
        assertEquals(head, r.substring(0, Math.min(head.length(), r.length())), r);
        return r.substring(head.length());
    }

    @Test
    void forallNamesTheFirstFailingInstanceAndTheValuesThatDecide() {
        assertEquals("k = 1: flags[1] = true, x = 5",
                why("x = 5; flags[1] = true; flags[3] = true;", "forall k in 0..4: !flags[k] || x < 3"));
    }

    @Test
    void nestedQuantifiersGiveEveryBinding() {
        assertEquals("i = 1, j = 0: flags[1] = true, flags[0] = false",
                why("flags[1] = true;", "forall i in 0..4: forall j in 0..i - 1: flags[i] == flags[j]"));
    }

    @Test
    void existsThatNothingSatisfiesShowsAFewInstances() {
        // In each instance the first false conjunct decides, as for &&.
        assertEquals("x = 1, no k in 0..4 satisfies it (k = 0: flags[0] = false; k = 1: flags[1] = false; "
                        + "k = 2: flags[2] = false; 2 more)",
                why("x = 1;", "x == 0 || (exists k in 0..4: flags[k] && x > 0)"));
        assertEquals("x = 1, no v in l satisfies it (l is empty)", why("x = 1;", "x == 0 || (exists v in l: v > 0)"));
        assertEquals("x = 1, no k in 3..1 satisfies it (3..1 is empty)", why("x = 1;", "x == 0 || (exists k in 3..1: flags[k])"));
    }

    @Test
    void conjunctionNamesOnlyTheFailingConjunct() {
        assertEquals("y = 7", why("y = 7; flags[0] = true;", "y == 0 || (flags[1] == false && y < 3 && flags[0] == false)"));
    }

    @Test
    void disjunctionGivesEveryDisjunctsValues() {
        assertEquals("x = 2, y = 7, flags[0] = false", why("x = 2; y = 7;", "x < 2 || y == 0 || flags[0]"));
    }

    @Test
    void comparisonGivesBothSides() {
        assertEquals("x = 3, y = 2, len(l) = 1", why("x = 3; y = 2; push_back(l, 9);", "x + y < len(l) * 2 || x == 0"));
    }

    @Test
    void implicationHasItsPremiseTrueAndItsConclusionFalse() {
        assertEquals("flags[2] = true, x = 0", why("flags[2] = true;", "!flags[2] || x > 0"));
    }

    @Test
    void negationExplainsWhatHolds() {
        // !(forall ...) is false because every instance holds; a test of the bound variable alone is
        // shown as such.
        assertEquals("every v in l satisfies it (v = l[0] = 4: v > 3 = true; v = l[1] = 5: v > 3 = true)",
                why("push_back(l, 4); push_back(l, 5);", "!(len(l) == 2 && (forall v in l: v > 3))")
                        .replace("len(l) = 2, ", ""));
    }

    @Test
    void pathsStartAtTheFirstObjectTheyPassThrough() {
        // A bound pointer is shown as its object; a global pointer's path from the object on.
        assertEquals("c = ctxs[1] = obj#2: obj#2.refs = 0",
                why("ctxs[0] = kmalloc(obj); ctxs[0].refs = 1; ctxs[1] = kmalloc(obj);",
                        "forall c in ctxs: c == null || c.refs > 0"));
        assertEquals("p = obj#1, obj#1.next.refs = 4, q = null",
                why("p = kmalloc(obj); p.next = kmalloc(obj); p.next.refs = 4;", "p == null || p.next.refs < 3 || p == q"));
    }

    @Test
    void structsComparedShowBothValuesAndTheirIndexFaults() {
        String m = """
                struct pt { a: int; b: int; }
                var ps: pt[2];
                var q: pt;
                var x: int;
                proc run() { atomic { x = X; ps[1].a = 4; } }
                invariant same: x == 0 || ps[x] == q;
                scenario s { thread t = run(); check same; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m.replace("X", "1"));
        ExploreResult r = Sem.explore(cs);
        assertEquals("invariant at sem.uffd:6 is false: x = 1, ps[1] = {a: 4, b: 0}, q = {a: 0, b: 0}",
                cs.invariantFailure("same", r.trace().last()));
        cs = Sem.compile(m.replace("X", "3"));
        r = Sem.explore(cs);
        assertEquals("invariant faults: index 3 out of 0..1 in ps at sem.uffd:6:27", cs.invariantFailure("same", r.trace().last()));
    }

    @Test
    void threadAtLabelIsAValueOfItsOwn() {
        String m = """
                proc unlocked() { skip; crit: skip; skip; }
                invariant mutex: !(t1@crit && t2@crit);
                scenario s { thread t1 = unlocked(); thread t2 = unlocked(); check mutex; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        ExploreResult r = Sem.explore(cs);
        assertViolation("mutex", 2, r);
        assertEquals("invariant at sem.uffd:2 is false: t1@crit = true, t2@crit = true",
                cs.invariantFailure("mutex", r.trace().last()));
    }

    @Test
    void aQuantifierReadAsAValueShowsTheInstancesBehindIt() {
        assertEquals("flags[0] = true, (exists k in 1..4: ...) = false (k = 1: flags[1] = false; k = 2: flags[2] = false; "
                        + "k = 3: flags[3] = false; 1 more)",
                why("flags[0] = true;", "flags[0] == (exists k in 1..4: flags[k])"));
    }

    @Test
    void anInvariantThatFaultsSaysWhichFaultAndWhere() {
        assertEquals("invariant faults: index 5 out of 0..4 in flags at sem.uffd:11:25",
                report("x = 5;", "x < 5 || flags[x]"));
        assertEquals("invariant faults: index 1 out of 0..0 in the list l at sem.uffd:11:49",
                report("x = 2; push_back(l, 1);", "forall k in 0..x: len(l) == 0 || l[k] > 0"));
        assertEquals("invariant faults: index 0 into the empty list l at sem.uffd:11:26",
                report("x = 1;", "x == 0 || l[0] > 0"));
        assertEquals("invariant faults: null pointer dereference: ctxs[1] is null at sem.uffd:11:26",
                report("x = 1;", "x == 0 || ctxs[1].refs == 0"));
        assertEquals("invariant faults: use after free: p points to obj#1, which is freed at sem.uffd:11:29",
                report("p = kmalloc(obj); kfree(p);", "p == null || p.refs == 0"));
        assertEquals("invariant faults: division by zero: 4 / 0 at sem.uffd:11:26",
                report("x = 4;", "x == 0 || x / y > 0"));
        assertEquals("invariant faults: integer overflow: 2147483647 + 1 at sem.uffd:11:26",
                report("x = 2147483647;", "x == 0 || x + 1 > 0"));
        assertEquals("invariant faults: integer overflow: -2147483648 / -1 at sem.uffd:11:26",
                report("x = -2147483647 - 1; y = -1;", "y == 0 || x / y != 0 || x % y == 0"));
        assertEquals("invariant faults: integer overflow: -(-2147483648) at sem.uffd:11:26",
                report("x = -2147483647 - 1;", "x == 0 || -x > 0"));
    }

    @Test
    void intMinDividedByMinusOneIsAnArithmeticFault() {
        for (String op : new String[] {"/", "%"}) {
            String m = "var x: int;\nvar y: int;\nproc run() { x = -2147483647 - 1; y = -1; x = x " + op + " y; }\n"
                    + "scenario s { thread t = run(); expect holds; }\n";
            assertViolation("arithmetic", 3, Sem.explore(m));
        }
        // A constant folds as the run time evaluates: the overflow is an error at the division.
        String c = "const C = (-2147483647 - 1) / D;\nvar x: int = C;\n"
                + "proc run() { skip; }\nscenario s { thread t = run(); expect holds; }\n";
        String err = Sem.rejected(c.replace("D;", "-1;"));
        assertTrue(err.contains("sem.uffd:1:11: error:"), err);
        Sem.assertHolds(2, Sem.explore(c.replace("D;", "1;")));
    }

    @Test
    void aLeakNamesEachObjectAndTheStepThatAllocatedIt() {
        String m = """
                struct obj { refs: int; }
                pool obj[4];
                var p: obj*;
                proc lose() {
                    p = kmalloc(obj);
                    var mine: obj* = kmalloc(obj);
                    p = kmalloc(obj);
                }
                scenario s { thread t = lose(); expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        ExploreResult r = Sem.explore(cs);
        assertViolation("memory_safe", 3, r);
        assertEquals(java.util.List.of("obj#1", "obj#2"), cs.leakedObjects(r.trace().last()));
        assertEquals("leak: unreachable at the end: obj#1, allocated at sem.uffd:5: p = kmalloc(obj) (step 1); "
                        + "obj#2, allocated at sem.uffd:6: var mine: obj* = kmalloc(obj) (step 2)",
                Counterexample.of(cs, "memory_safe", r.trace()).explanation());
        // An object the scenario's init allocated has no step of its own.
        CompiledScenario init = Sem.compile(m.replace("thread t = lose();", "init { p = kmalloc(obj); } thread t = lose();"));
        ExploreResult ri = Sem.explore(init);
        assertEquals("leak: unreachable at the end: obj#1, allocated by init, before the first step; "
                        + "obj#2, allocated at sem.uffd:5: p = kmalloc(obj) (step 1); "
                        + "obj#3, allocated at sem.uffd:6: var mine: obj* = kmalloc(obj) (step 2)",
                Counterexample.of(init, "memory_safe", ri.trace()).explanation());
    }
}
