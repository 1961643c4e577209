package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * atomic { }: the block runs as one transition, calls inside it included; if it blocks part way,
 * other threads run and the block resumes, still atomic, once it can move (Promela's rule).
 */
class AtomicSemanticsTest {
    private static String twoThreads(String one, String two) {
        return """
                var a: int[0..2];
                var b: int[0..2];
                var go: bool;
                proc set_a() { a = 1; }
                """
                + "proc one() {\n" + one + "\n}\nproc two() {\n" + two + "\n}\n"
                + "scenario s { thread t1 = one(); thread t2 = two(); check deadlock; expect holds; }\n";
    }

    @Test
    void blockIsOneTransition() {
        // Without atomic t1 has 3 program points and t2 has 2: 3 * 2 = 6 states.
        assertHolds(6, Sem.explore(Sem.compile(twoThreads("a = 1; a = 2;", "b = 1;"))));
        // With atomic t1 has 2 (start, finished): 2 * 2 = 4 states.
        CompiledScenario cs = Sem.compile(twoThreads("atomic { a = 1; a = 2; }", "b = 1;"));
        assertHolds(4, Sem.explore(cs));
        // t1's one step goes from a = 0 straight to a = 2, finished.
        List<String> first = Sem.successors(cs, Sem.initial(cs)).get(0);
        assertTrue(first.contains("a = 2") && first.contains("t1: finished"), first.toString());
    }

    @Test
    void callInsideAtomicStaysAtomic() {
        // Without atomic t1 stands at the call, inside set_a, at a = 2 and finished: 4 * 2 = 8.
        assertHolds(8, Sem.explore(Sem.compile(twoThreads("set_a(); a = 2;", "b = 1;"))));
        // With atomic the call, the callee's step and a = 2 are one transition: 2 * 2 = 4.
        assertHolds(4, Sem.explore(Sem.compile(twoThreads("atomic { set_a(); a = 2; }", "b = 1;"))));
    }

    @Test
    void atomicInsideACalleeStaysPartOfTheCallersBlock() {
        // set_b's own atomic block ends inside t1's: t1's block is still one transition, so t2
        // never sees a = 1 (t1 starts, or finishes with a = 0): 2 * 2 = 4 states.
        String model = """
                var a: int[0..2];
                var seen: int[0..2];
                proc set_b() { atomic { a = a + 0; } }
                proc one() { atomic { a = 1; set_b(); a = 0; } }
                proc two() { seen = a; }
                invariant never_seen: seen == 0;
                scenario s { thread t1 = one(); thread t2 = two(); expect holds; }
                """;
        assertHolds(4, Sem.explore(Sem.compile(model)));
    }

    @Test
    void blockingInsideAtomicLetsOthersRunThenResumesAtomically() {
        // t1 = atomic { a = 1; await go; a = 2; }, t2 = go = true; b = 1;
        // t1 rests at S (start), W (blocked at await, a = 1) or F (finished, a = 2); once go holds,
        // W -> F is one transition. t2 is at g (before go = true), at b, or finished.
        // Reachable pairs: S and W with each of t2's 3 points (6), and F with b or finished (2),
        // since t1 cannot finish before go is set: 8 states.
        String atomic = twoThreads("atomic { a = 1; await go; a = 2; }", "go = true; b = 1;");
        CompiledScenario cs = Sem.compile(atomic);
        assertHolds(8, Sem.explore(cs));
        // From the start, t1's atomic block stops at the await with a = 1; t2 may move too.
        List<List<String>> next = Sem.successors(cs, Sem.initial(cs));
        assertEquals(2, next.size());
        assertTrue(next.get(0).contains("a = 1") && next.get(0).get(3).startsWith("t1: in one at")
                && next.get(0).get(3).endsWith("await go;"), next.get(0).toString());
        // The same model without atomic: t1 has 4 points (a = 1, await, a = 2, finished) and the
        // last two need go set: 3 + 3 + 2 + 2 = 10 states.
        assertHolds(10, Sem.explore(Sem.compile(twoThreads("a = 1; await go; a = 2;", "go = true; b = 1;"))));
    }

    @Test
    void atomicWhoseFirstStatementBlocksIsNotEntered() {
        // t1 = atomic { await go; a = 1; } cannot start before go: (g,S) (b,S) (F,S) (b,F) (F,F) = 5.
        CompiledScenario cs = Sem.compile(twoThreads("atomic { await go; a = 1; }", "go = true; b = 1;"));
        assertEquals(1, Sem.successors(cs, Sem.initial(cs)).size());
        assertHolds(5, Sem.explore(cs));
    }

    @Test
    void blockingInACalleeOfAnAtomicBlockResumesAtomically() {
        // t = atomic { wait_one(); a = 2; } with wait_one blocking until u sets b = 1.
        // (t at call, b = 0) -> t: (t inside wait_one, b = 0), u: (t at call, b = 1);
        // (t inside, b = 0) -> u: (t inside, b = 1); both b = 1 states -> t runs to the end in
        // one transition: (finished, a = 2, b = 1). 5 states.
        String m = """
                var a: int[0..2];
                var b: int[0..2];
                proc wait_one() { await b == 1; a = 1; }
                proc one() { atomic { wait_one(); a = 2; } }
                proc two() { b = 1; }
                scenario s { thread t = one(); thread u = two(); check deadlock; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        assertHolds(5, Sem.explore(cs));
        assertEquals(Set.of(List.of("a = 2", "b = 1", "t: finished", "u: finished")), Sem.finalStates(cs));
    }
}
