package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** atomic_t and the atomic_* built-ins: each a single step, overflow a fault, no underflow check. */
class AtomicCounterSemanticsTest {
    private static final String DECLS = """
            struct obj { users: atomic_t; }
            pool obj[1];
            var a: atomic_t;
            var n: int;
            var b: bool;
            var c: bool;
            """;

    private static List<String> end(String body) {
        Set<List<String>> ends = Sem.finalStates(Sem.compile(DECLS + "proc p() {\n" + body
                + "\n}\nscenario s { thread t = p(); expect holds; }\n"));
        assertEquals(1, ends.size(), ends.toString());
        return ends.iterator().next();
    }

    @Test
    void readsAndAssignsLikeAnInt() {
        List<String> s = end("a = 3; n = atomic_read(a) + 1; atomic_set(a, n * 2);");
        assertTrue(s.contains("a = 8") && s.contains("n = 4"), s.toString());
    }

    @Test
    void incDecAndTheirTests() {
        List<String> s = end("atomic_set(a, 1); atomic_inc(a); atomic_dec(a); b = atomic_dec_and_test(a);");
        assertTrue(s.contains("a = 0") && s.contains("b = true"), s.toString());
        s = end("atomic_set(a, 2); b = atomic_dec_and_test(a);");
        assertTrue(s.contains("a = 1") && s.contains("b = false"), s.toString());
        // Below zero is allowed, as for the kernel's atomic_t (a refcount would fault).
        s = end("atomic_dec(a); b = atomic_dec_and_test(a);");
        assertTrue(s.contains("a = -2") && s.contains("b = false"), s.toString());
    }

    @Test
    void incNotZeroLeavesZeroAlone() {
        List<String> s = end("b = atomic_inc_not_zero(a); atomic_set(a, 5); c = atomic_inc_not_zero(a);");
        assertTrue(s.contains("b = false") && s.contains("c = true") && s.contains("a = 6"), s.toString());
    }

    @Test
    void overflowIsArithmetic() {
        String m = DECLS + "proc p() { atomic_set(a, 2147483647); atomic_inc(a); }\nscenario s { thread t = p(); expect holds; }\n";
        assertViolation("arithmetic", 2, Sem.explore(Sem.compile(m)));
        m = DECLS + "proc p() { atomic_set(a, -2147483648); b = atomic_dec_and_test(a); }\nscenario s { thread t = p(); expect holds; }\n";
        assertViolation("arithmetic", 2, Sem.explore(Sem.compile(m)));
    }

    @Test
    void decAndTestIsOneStepSoExactlyOneThreadSeesZero() {
        // Two threads drop the last two references: with an atomic step, exactly one sees zero.
        String m = DECLS + """
                var last: int;
                proc put() { var z: bool = atomic_dec_and_test(a); if (z) { last = last + 1; } }
                proc setup() { atomic_set(a, 2); }
                scenario s { init { setup(); } thread t1 = put(); thread t2 = put(); expect holds; }
                """;
        Set<List<String>> ends = Sem.finalStates(Sem.compile(m));
        assertTrue(ends.stream().allMatch(l -> l.contains("last = 1")), ends.toString());
    }

    @Test
    void fieldsThroughPointers() {
        List<String> s = end("var o: obj* = kmalloc(obj); atomic_inc(o.users); b = atomic_dec_and_test(o.users); kfree(o);");
        assertTrue(s.contains("b = true"), s.toString());
    }

    @Test
    void operationsOnAnythingButAnAtomicTAreRejected() {
        String err = Sem.rejected(DECLS + "proc p() { atomic_inc(n); }\nscenario s { thread t = p(); expect holds; }\n");
        assertTrue(err.contains("atomic_inc: expected an atomic_t, found int"), err);
        err = Sem.rejected(DECLS + "var r: refcount;\nproc p() { b = atomic_dec_and_test(r); }\nscenario s { thread t = p(); expect holds; }\n");
        assertTrue(err.contains("atomic_dec_and_test: expected an atomic_t, found refcount"), err);
        err = Sem.rejected(DECLS + "proc p() { refcount_inc(a); }\nscenario s { thread t = p(); expect holds; }\n");
        assertTrue(err.contains("refcount_inc: expected a refcount, found atomic_t"), err);
        err = Sem.rejected(DECLS + "proc p() { n = atomic_inc(a); }\nscenario s { thread t = p(); expect holds; }\n");
        assertTrue(err.contains("atomic_inc has no value to store"), err);
    }
}
