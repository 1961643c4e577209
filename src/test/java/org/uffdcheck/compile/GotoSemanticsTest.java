package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;

/**
 * goto and while (true): a jump moves the pc within the step before it, so it adds no state; a
 * jump back to the start of an atomic block starts a new step; a loop of jumps is rejected.
 */
class GotoSemanticsTest {
    private static CompiledScenario one(String body) {
        return Sem.compile("""
                var x: int[0..9];
                var done: bool;
                proc p() {
                """ + body + "\n}\nscenario s {\n    thread t = p();\n    check deadlock;\n    expect holds;\n}\n");
    }

    private static List<String> last(CompiledScenario cs) { return Sem.onlyFinalState(cs); }

    @Test
    void forwardGotoSkipsStatementsAndCostsNothing() {
        // x = 1, then done = true: 2 steps, 3 states; x = 5 is never run.
        CompiledScenario cs = one("x = 1; goto out; x = 5; out: done = true;");
        assertHolds(3, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 1"), last(cs).toString());
    }

    @Test
    void backwardGotoIsARetryLoop() {
        // x = x + 1 three times, each followed by its test, then done = true: 7 steps, 8 states.
        CompiledScenario cs = one("retry: x = x + 1; if (x < 3) { goto retry; } done = true;");
        assertHolds(8, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 3"), last(cs).toString());
    }

    @Test
    void gotoLeavesNestedLoops() {
        // The head binds i = 0 and 1, each body adds 1, at i = 2 the goto leaves both loops.
        CompiledScenario cs = one("""
                while (true) {
                    for (i in 0..3) {
                        if (i == 2) { goto out; }
                        x = x + 1;
                    }
                }
                out: done = true;
                """);
        assertTrue(last(cs).contains("x = 2"), last(cs).toString());
    }

    @Test
    void gotoOutOfAForLoopLetsItStartAgainFromItsFirstValue() {
        // The first run leaves at i = 1 after one body; the second runs all three: x = 1 + 3.
        CompiledScenario cs = one("""
                var rounds: int[0..2];
                retry:
                rounds = rounds + 1;
                for (i in 0..2) {
                    if (i == 1 && rounds < 2) { goto retry; }
                    x = x + 1;
                }
                """);
        assertTrue(last(cs).contains("x = 4"), last(cs).toString());
    }

    @Test
    void whileTrueCostsNoStepToStartOrToGoRound() {
        // x = x + 1 and the test of x each round, no step for the head; the third test breaks,
        // then done = true: 7 steps, 8 states.
        CompiledScenario cs = one("while (true) { x = x + 1; if (x == 3) { break; } } done = true;");
        assertHolds(8, Sem.explore(cs));
        // The same loop with a condition the head must read has one state more per round.
        assertHolds(11, Sem.explore(one("while (x < 9) { x = x + 1; if (x == 3) { break; } } done = true;")));
    }

    @Test
    void aLoopRoundAnAtomicBlockIsOneStepPerRound() {
        // Each round is one atomic step; a thread that looped inside one step would never let
        // the other run and would end in atomic_too_long.
        String model = """
                var x: int[0..3];
                var seen: bool;
                proc loop() {
                    while (true) {
                        atomic { await x < 3; x = x + 1; }
                    }
                }
                proc watch() { await x == 1; seen = true; }
                reachable saw_one: seen;
                scenario s {
                    thread l = loop();
                    thread w = watch();
                    check saw_one;
                    expect holds;
                }
                """;
        ExploreResult r = Sem.explore(Sem.compile(model));
        assertEquals(ExploreResult.Status.HOLDS, r.status(), () -> r.property() + " " + r.bound());
        // x = 0 with the watcher waiting; x = 1, 2, 3 each with the watcher waiting, about to set
        // seen, or finished: 1 + 3 * 3 states.
        assertEquals(10, r.stats().states());
    }

    @Test
    void anEndLabelOnWhileTrueMarksItsFirstStatement() {
        // The thread rests at the await for ever: a normal end, not a deadlock, only if the label
        // reached the await through the jump that the loop's head is.
        CompiledScenario cs = Sem.compile("""
                var go: bool;
                proc idle() {
                    end_idle: while (true) { await go; go = false; }
                }
                scenario s {
                    thread t = idle();
                    check deadlock;
                    expect holds;
                }
                """);
        assertHolds(1, Sem.explore(cs));
    }

    @Test
    void aLoopOfJumpsIsRejected() {
        String tail = "\nscenario s { thread t = q(); expect holds; }\n";
        String self = Sem.rejected("proc q() {\n    l: goto l;\n}" + tail);
        assertTrue(self.contains(":2:8: error: this loop makes no step: 'goto l;'"), self);
        String empty = Sem.rejected("proc q() {\n    while (true) { }\n}" + tail);
        assertTrue(empty.contains(":2:5: error: this loop makes no step: 'while (true)'"), empty);
        // A declaration without a value is free too: still no step.
        String decl = Sem.rejected("proc q() {\n    while (true) { var v: int; }\n}" + tail);
        assertTrue(decl.contains("this loop makes no step"), decl);
        // A loop that tests a condition makes a step each round: a busy wait, not a hang.
        assertHolds(1, Sem.explore(Sem.compile("var x: bool;\nproc q() {\n    while (!x) { }\n}" + tail)));
    }
}
