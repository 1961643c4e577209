package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * for loops: the head (bind the next value, or leave) is one step each time round, leaving zeroes
 * the loop variable and counter for free, break leaves through the same exit and continue goes to
 * the head.
 */
class LoopSemanticsTest {
    private static CompiledScenario run(String init, String body) {
        return Sem.compile("""
                var x: int[0..9];
                var n: int[0..3];
                var arr: int[0..3][3];
                var l: list<int[0..3], 3>;
                proc p() {
                """ + body + "\n}\nscenario s {\n    init {\n" + init + "\n    }\n"
                + "    thread t = p();\n    check deadlock;\n    expect holds;\n}\n");
    }

    private static List<String> last(CompiledScenario cs) {
        Set<List<String>> f = Sem.finalStates(cs);
        assertEquals(1, f.size(), f.toString());
        return f.iterator().next();
    }

    @Test
    void forOverARange() {
        // head, body three times, then the head that leaves: 7 steps, 8 states; x = 1 + 2 + 3.
        CompiledScenario cs = run("", "for (i in 1..3) { x = x + i; }");
        assertHolds(8, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 6"));
    }

    @Test
    void forOverAnArray() {
        // Same shape as the range: 3 elements, 8 states; x = 1 + 2 + 3.
        CompiledScenario cs = run("arr[0] = 1; arr[1] = 2; arr[2] = 3;", "for (v in arr) { x = x + v; }");
        assertHolds(8, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 6"));
    }

    @Test
    void forOverAListVisitsItsCurrentElements() {
        // Two elements: head, body, head, body, leaving head: 5 steps, 6 states; x = 2 + 3.
        CompiledScenario cs = run("push_back(l, 2); push_back(l, 3);", "for (v in l) { x = x + v; }");
        assertHolds(6, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 5"));
        // An empty list: one head step that leaves: 2 states.
        assertHolds(2, Sem.explore(run("", "for (v in l) { x = x + v; }")));
    }

    @Test
    void continueGoesToTheNextValue() {
        // i = 1: head, if, x += 1; i = 2: head, if (continue); i = 3: head, if, x += 3; leaving head.
        // 9 steps, 10 states; x = 4.
        CompiledScenario cs = run("", "for (i in 1..3) { if (i == 2) { continue; } x = x + i; }");
        assertHolds(10, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 4"));
    }

    @Test
    void breakLeavesTheLoop() {
        // i = 1: head, if, x += 1; i = 2: head, if (break): 5 steps, 6 states; x = 1.
        CompiledScenario cs = run("", "for (i in 1..3) { if (i == 2) { break; } x = x + i; }");
        assertHolds(6, Sem.explore(cs));
        assertTrue(last(cs).contains("x = 1"));
    }

    @Test
    void loopEnteredAgainAfterBreakStartsFromTheFirstElement() {
        // Each entry adds the first value and breaks; entered twice, x = 1 + 1 (not 1 + 2).
        // Per round: while test, for head, x += i, n += 1 (the break is free): 2 * 4 steps and the
        // final while test make 9 steps, 10 states.
        CompiledScenario range = run("", """
                while (n < 2) {
                    for (i in 1..3) { x = x + i; break; }
                    n = n + 1;
                }
                """);
        assertHolds(10, Sem.explore(range));
        assertTrue(last(range).contains("x = 2"), last(range).toString());
        CompiledScenario list = run("push_back(l, 3); push_back(l, 1);", """
                while (n < 2) {
                    for (v in l) { x = x + v; break; }
                    n = n + 1;
                }
                """);
        assertTrue(last(list).contains("x = 6"), last(list).toString());
        CompiledScenario array = run("arr[0] = 2; arr[1] = 1;", """
                while (n < 2) {
                    for (v in arr) { x = x + v; break; }
                    n = n + 1;
                }
                """);
        assertTrue(last(array).contains("x = 4"), last(array).toString());
    }

    @Test
    void breakAndContinueInAWhileLoop() {
        // n += 1 (n = 1), if (n == 1: continue), n += 1 (n = 2), if, if (n == 2: break); the head
        // of while (true) is no step: 5 steps, 6 states.
        CompiledScenario cs = run("", """
                while (true) {
                    n = n + 1;
                    if (n == 1) { continue; }
                    if (n == 2) { break; }
                }
                """);
        assertHolds(6, Sem.explore(cs));
        assertTrue(last(cs).contains("n = 2"));
    }
}
