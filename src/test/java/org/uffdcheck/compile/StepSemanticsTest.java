package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;

/**
 * What one step is: a simple statement, the test of an if or while, an await, the choice of an
 * either or select. Bookkeeping (implicit return, declaring a local without a value) takes none.
 * A single thread's states are its program points, so counting states counts steps.
 */
class StepSemanticsTest {

    private static String oneThread(String globals, String body) {
        return globals + "\nproc p() {\n" + body + "\n}\nscenario s {\n    thread t = p();\n    check deadlock;\n    expect holds;\n}\n";
    }

    @Test
    void eachSimpleStatementIsOneStep() {
        // Three assignments: the initial state and one state after each, the last one finished.
        CompiledScenario cs = Sem.compile(oneThread("var x: int[0..3];", "x = 1; x = 2; x = 3;"));
        assertHolds(4, Sem.explore(cs));
        assertEquals(Set.of(List.of("x = 3", "t: finished")), Sem.finalStates(cs));
    }

    @Test
    void skipIsAStep() {
        // skip; x = 1;  is two steps: 3 states.
        assertHolds(3, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "skip; x = 1;"))));
    }

    @Test
    void implicitReturnIsFreeButAnExplicitReturnIsAStep() {
        // Without return: start, finished (2). With a trailing return: start, at return, finished (3).
        assertHolds(2, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "x = 1;"))));
        assertHolds(3, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "x = 1; return;"))));
    }

    @Test
    void localWithoutInitialiserOrWithAConstantIsFreeOtherwiseAStep() {
        // var a: T; takes no step, so this is the same 2-state model as "x = 1;".
        assertHolds(2, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "var a: int; var b: bool; x = 1;"))));
        // A constant initialiser touches only the thread's own frame: no step either (2 states).
        assertHolds(2, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "var a: int = 0; x = 1;"))));
        // An initialiser that reads shared state is a step of its own (3 states).
        assertHolds(3, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "var a: int = x; x = 1;"))));
    }

    @Test
    void ifTestIsAStep() {
        // Condition true: at the if, at x = 1, finished: 3 states.
        assertHolds(3, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "if (x == 0) { x = 1; }"))));
        // Condition false and no else: at the if, finished: 2 states.
        assertHolds(2, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "if (x == 1) { x = 2; }"))));
        // else branch taken: at the if, at x = 3, finished (x = 3).
        CompiledScenario cs = Sem.compile(oneThread("var x: int[0..3];", "if (x == 1) { x = 2; } else { x = 3; }"));
        assertHolds(3, Sem.explore(cs));
        assertEquals(Set.of(List.of("x = 3", "t: finished")), Sem.finalStates(cs));
    }

    @Test
    void whileTestIsAStepOnEveryIteration() {
        // x = 0: test, body, x = 1: test, body, x = 2: test (false), finished: 6 states in a line.
        CompiledScenario cs = Sem.compile(oneThread("var x: int[0..3];", "while (x < 2) { x = x + 1; }"));
        ExploreResult r = Sem.explore(cs);
        assertHolds(6, r);
        assertEquals(5, r.stats().depth());
    }

    @Test
    void threadsInterleave() {
        // t1 takes 2 steps, t2 takes 1; every pair of program points is reachable: 3 * 2 = 6 states.
        String m = """
                var a: int[0..2];
                var b: int[0..2];
                proc one() { a = 1; a = 2; }
                proc two() { b = 1; }
                scenario s { thread t1 = one(); thread t2 = two(); check deadlock; expect holds; }
                """;
        assertHolds(6, Sem.explore(Sem.compile(m)));
    }

    @Test
    void awaitBlocksUntilItsConditionHoldsAndPassingItIsAStep() {
        // t1 cannot move until t2 sets go: (go=0) -> (go=1) -> t1 past await -> x = 1: 4 states.
        String m = """
                var go: bool;
                var x: int[0..1];
                proc waiter() { await go; x = 1; }
                proc setter() { go = true; }
                scenario s { thread t1 = waiter(); thread t2 = setter(); check deadlock; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        assertEquals(1, Sem.successors(cs, Sem.initial(cs)).size(), "only the setter can move at first");
        ExploreResult r = Sem.explore(cs);
        assertHolds(4, r);
        assertEquals(3, r.stats().depth());
    }

    @Test
    void awaitThatNeverHoldsIsADeadlock() {
        String m = oneThread("var go: bool;", "await go;");
        ExploreResult r = Sem.explore(Sem.compile(m));
        assertViolation("deadlock", 0, r);
    }

    @Test
    void eitherOffersEveryEnabledBranch() {
        // At the either: branches 1 and 3 are enabled (branch 2's guard is false), each one step to
        // its first statement, then one step to finish: start + 2 + 2 = 5 states.
        String m = oneThread("var x: int[0..3];", "either { x = 1; } or { await x == 3; x = 2; } or { x = 3; }");
        CompiledScenario cs = Sem.compile(m);
        assertEquals(2, Sem.successors(cs, Sem.initial(cs)).size());
        assertHolds(5, Sem.explore(cs));
        assertEquals(Set.of(List.of("x = 1", "t: finished"), List.of("x = 3", "t: finished")), Sem.finalStates(cs));
    }

    @Test
    void guardedBranchPassesItsAwaitInTheChoosingStep() {
        // x = 3 from the start: only branch 2 is enabled, and its await is consumed by the choice
        // itself, so the thread goes straight to x = 2: start, at x = 2, finished (3 states).
        String m = oneThread("var x: int[0..3] = 3;", "either { await x == 1; } or { await x == 3; x = 2; }");
        CompiledScenario cs = Sem.compile(m);
        List<List<String>> next = Sem.successors(cs, Sem.initial(cs));
        assertEquals(1, next.size());
        assertTrue(next.get(0).get(1).endsWith(": x = 2;"), next.toString());
        assertHolds(3, Sem.explore(cs));
    }

    @Test
    void eitherWithEveryGuardFalseBlocks() {
        String m = oneThread("var x: int[0..3];", "either { await x == 1; x = 2; } or { await x == 2; }");
        assertViolation("deadlock", 0, Sem.explore(Sem.compile(m)));
    }

    @Test
    void selectHasOneSuccessorPerValue() {
        // start, then x = 1, 2 or 3 with the thread finished: 4 states.
        CompiledScenario cs = Sem.compile(oneThread("var x: int[0..3];", "select x in 1..3;"));
        assertEquals(3, Sem.successors(cs, Sem.initial(cs)).size());
        assertHolds(4, Sem.explore(cs));
        assertEquals(Set.of(List.of("x = 1", "t: finished"), List.of("x = 2", "t: finished"),
                List.of("x = 3", "t: finished")), Sem.finalStates(cs));
    }

    @Test
    void selectOverAnEmptyRangeBlocks() {
        assertViolation("deadlock", 0, Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "select x in 2..1;"))));
    }

    @Test
    void selectBeyondTheVariablesRangeIsAFault() {
        // Values 2 and 3 fit, 4 does not: the search meets the fault on the first step.
        assertViolation("value_out_of_range", 1,
                Sem.explore(Sem.compile(oneThread("var x: int[0..3];", "select x in 2..4;"))));
    }

    @Test
    void localWithoutInitialiserIsZeroedEachTimeItIsDeclared() {
        // Each round: while test, a = a + 1 (a is 0 again, so never out of its 0..1), n = n + 1.
        // 3 rounds of 3 steps and the last test: 10 steps, 11 states.
        CompiledScenario cs = Sem.compile(oneThread("var n: int[0..3];",
                "while (n < 3) { var a: int[0..1]; a = a + 1; n = n + 1; }"));
        assertHolds(11, Sem.explore(cs));
    }
}
