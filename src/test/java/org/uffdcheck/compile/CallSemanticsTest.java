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
 * Procedure calls: the call is one step (arguments are bound then), an explicit return is one step
 * (the result is stored then), the implicit return at the end of a body is free, and a frame is
 * zeroed when it is popped so that the same situation reached along different calls is one state.
 */
class CallSemanticsTest {
    private static final String DECLS = """
            struct pair { a: int[0..5]; b: int[0..5]; }
            var r: int[0..9];
            var small: int[0..3];
            var big: int[0..9] = 7;
            var arr: int[0..9][3];
            var pr: pair;

            proc add(x: int[0..5], y: int[0..5]): int[0..9] { return x + y; }
            proc mk(x: int[0..5]): pair { return pair { a: x, b: x + 1 }; }
            proc sum(p: pair): int[0..9] { return p.a + p.b; }
            proc plus_two(x: int[0..5]): int[0..9] {
                var t: int[0..9] = add(x, 1);
                return t + 1;
            }
            """;

    private static CompiledScenario run(String body) {
        return Sem.compile(DECLS + "proc main() {\n" + body + "\n}\n"
                + "scenario s { thread t = main(); check deadlock; expect holds; }\n");
    }

    private static List<String> finalState(CompiledScenario cs) {
        Set<List<String>> finals = Sem.finalStates(cs);
        assertEquals(1, finals.size(), finals.toString());
        return finals.iterator().next();
    }

    @Test
    void scalarResultIsStoredByTheReturnStep() {
        // call (1), return (2): 3 states; r = 2 + 3.
        CompiledScenario cs = run("r = add(2, 3);");
        assertHolds(3, Sem.explore(cs));
        assertTrue(finalState(cs).contains("r = 5"));
        // In between, the thread is inside add with r still 0.
        List<List<String>> next = Sem.successors(cs, Sem.initial(cs));
        assertEquals(1, next.size());
        assertTrue(next.get(0).contains("r = 0"));
        assertTrue(next.get(0).get(next.get(0).size() - 1).startsWith("t: in add at sem.uffd:8: return x + y;"),
                next.toString());
    }

    @Test
    void resultCanGoIntoAnArrayElement() {
        CompiledScenario cs = run("arr[1] = add(1, 2); arr[2] = add(arr[1], 4);");
        assertHolds(5, Sem.explore(cs));
        assertTrue(finalState(cs).contains("arr = [0, 3, 7]"), finalState(cs).toString());
    }

    @Test
    void structResultAndStructParameter() {
        // pr = mk(2): call, return (2 steps); r = sum(pr): call, return (2 steps): 5 states.
        CompiledScenario cs = run("pr = mk(2); r = sum(pr);");
        assertHolds(5, Sem.explore(cs));
        List<String> last = finalState(cs);
        assertTrue(last.contains("pr = {a: 2, b: 3}"), last.toString());
        assertTrue(last.contains("r = 5"), last.toString());
    }

    @Test
    void nestedCallsReturnThroughEachFrame() {
        // call plus_two (1), call add (2), add returns into t (3), plus_two returns t + 1 (4).
        CompiledScenario cs = run("r = plus_two(2);");
        ExploreResult res = Sem.explore(cs);
        assertHolds(5, res);
        assertEquals(4, res.stats().depth());
        assertTrue(finalState(cs).contains("r = 4"));
    }

    @Test
    void voidCallEndsWithAFreeImplicitReturn() {
        // call (1), small = 1 inside the callee (2) and straight back to the caller, r = 1 (3).
        String m = DECLS + """
                proc set_small() { small = 1; }
                proc main() { set_small(); r = 1; }
                scenario s { thread t = main(); check deadlock; expect holds; }
                """;
        assertHolds(4, Sem.explore(Sem.compile(m)));
    }

    @Test
    void framesAreZeroedOnReturnSoEqualSituationsAreOneState() {
        // start at either (1); the two branches stand at different calls (2), then inside f with
        // v = 1 or v = 2 at "loc = v" (2), then at skip with loc = 1 or 2 (2). Returning zeroes the
        // frame, so both branches meet at "small = 1" in one state (1), then finish (1): 9 states.
        // Without the zeroing the two paths would stay apart to the end: 11.
        String m = DECLS + """
                proc f(v: int[0..3]) { var loc: int[0..3] = v; skip; }
                proc main() {
                    either { f(1); } or { f(2); }
                    small = 1;
                }
                scenario s { thread t = main(); check deadlock; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        assertHolds(9, Sem.explore(cs));
        assertEquals(1, Sem.finalStates(cs).size());
    }

    @Test
    void returnIntoABoundedVariableIsRangeChecked() {
        // 2 + 3 = 5 does not fit small (0..3): the return step, the second, faults.
        ExploreResult r = Sem.explore(run("small = add(2, 3);"));
        assertViolation("value_out_of_range", 2, r);
        CompiledScenario cs = run("small = add(2, 3);");
        assertTrue(cs.faultSite(r.trace().last()).endsWith("return x + y;"), cs.faultSite(r.trace().last()));
    }

    @Test
    void argumentIsRangeCheckedWhenPassed() {
        // big = 7 does not fit x (0..5): the call itself, the first step, faults.
        ExploreResult r = Sem.explore(run("r = add(big, 0);"));
        assertViolation("value_out_of_range", 1, r);
    }

    @Test
    void returnValueOutOfTheCalleesOwnRangeStillFaultsAtTheDestination() {
        // add(5, 5) = 10 is past r's 0..9 too.
        assertViolation("value_out_of_range", 2, Sem.explore(run("r = add(5, 5);")));
    }

    @Test
    void returnValueIsCheckedAgainstTheDeclaredReturnType() {
        // add is declared to return int[0..9]; 5 + 5 = 10 breaks that promise even when the caller
        // stores into a plain int or drops the result.
        String m = DECLS + """
                var wide: int;
                proc main() { wide = add(5, 5); }
                scenario s { thread t = main(); check deadlock; expect holds; }
                """;
        assertViolation("value_out_of_range", 2, Sem.explore(Sem.compile(m)));
        String dropped = DECLS + """
                proc main() { add(5, 5); }
                scenario s { thread t = main(); check deadlock; expect holds; }
                """;
        assertViolation("value_out_of_range", 2, Sem.explore(Sem.compile(dropped)));
    }

    @Test
    void returnFromInsideALoopLeavesTheLoopAndTheFrame() {
        // f: call, head (i = 1), if, head (i = 2), if, return 2: 6 steps; twice, 12 steps, 13 states.
        // The second call starts its loop from 1 again because the frame was zeroed.
        String m = DECLS + """
                proc f(): int[0..3] { for (i in 1..3) { if (i == 2) { return i; } } return 0; }
                proc main() { small = f(); r = f(); }
                scenario s { thread t = main(); check deadlock; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        assertHolds(13, Sem.explore(cs));
        List<String> last = finalState(cs);
        assertTrue(last.contains("small = 2") && last.contains("r = 2"), last.toString());
    }
}
