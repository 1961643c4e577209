package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;

/** Bounded lists: their operations, their faults, and that equal contents are equal states. */
class ListSemanticsTest {
    private static CompiledScenario run(String body) {
        return Sem.compile("""
                var l: list<int[0..5], 2>;
                var n: int[0..3];
                var has: bool;
                var got: int[0..5];
                var i: int[-1..5];
                var arr: int[0..5][3];
                proc p() {
                """ + body + "\n}\nscenario s { thread t = p(); check deadlock; expect holds; }\n");
    }

    private static List<String> last(CompiledScenario cs) {
        Set<List<String>> f = Sem.finalStates(cs);
        assertEquals(1, f.size(), f.toString());
        return f.iterator().next();
    }

    @Test
    void operationsDoWhatTheirNamesSay() {
        CompiledScenario cs = run("""
                push_back(l, 1);
                push_front(l, 3);
                n = len(l);
                has = contains(l, 1);
                got = pop_front(l);
                push_back(l, 4);
                remove(l, 1);
                remove(l, 5);
                """);
        // Eight statements, eight steps.
        assertHolds(9, Sem.explore(cs));
        // [1] -> [3, 1]: n = 2, 1 is in it, pop_front takes 3, [1, 4], remove 1 -> [4], remove 5: no-op.
        assertEquals(List.of("l = [4]", "n = 2", "has = true", "got = 3", "i = 0", "arr = [0, 0, 0]", "t: finished"),
                last(cs));
        CompiledScenario cleared = run("push_back(l, 1); push_back(l, 2); clear(l); has = contains(l, 1); n = len(l);");
        List<String> end = last(cleared);
        assertTrue(end.contains("l = []") && end.contains("has = false") && end.contains("n = 0"), end.toString());
    }

    @Test
    void equalContentsAreOneStateWhateverTheHistory() {
        // start at either (1); branch 1 stands at its three statements (3), branch 2 at its one (1);
        // both end with l = [2], finished (1): 6 states. Stale slots left behind by pop_front or
        // remove would split the end state in two.
        for (String take : List.of("pop_front(l);", "remove(l, 1);")) {
            CompiledScenario cs = run("either { push_back(l, 1); push_back(l, 2); " + take + " } or { push_back(l, 2); }");
            assertHolds(6, Sem.explore(cs));
            assertEquals(1, Sem.finalStates(cs).size(), take);
        }
        // clear, too: branch 1 at push and at clear (2), branch 2 at two skips (2): 1 + 2 + 2 + 1 = 6.
        assertHolds(6, Sem.explore(run("either { push_back(l, 1); clear(l); } or { skip; skip; }")));
    }

    @Test
    void pushOntoAFullListFaults() {
        // Capacity 2: the third push, the third step, faults.
        ExploreResult r = Sem.explore(run("push_back(l, 1); push_front(l, 2); push_back(l, 3);"));
        assertViolation("list_full", 3, r);
        assertViolation("list_full", 3, Sem.explore(run("push_back(l, 1); push_front(l, 2); push_front(l, 3);")));
    }

    @Test
    void popFromAnEmptyListFaults() {
        assertViolation("list_empty", 1, Sem.explore(run("pop_front(l);")));
        assertViolation("list_empty", 3, Sem.explore(run("push_back(l, 1); got = pop_front(l); got = pop_front(l);")));
    }

    @Test
    void listIndexPastTheLengthFaults() {
        // l = [5]: l[0] is fine, l[1] is past the length even though the capacity is 2.
        CompiledScenario ok = run("push_back(l, 5); got = l[0]; l[0] = 4;");
        assertHolds(4, Sem.explore(ok));
        assertTrue(last(ok).contains("l = [4]"));
        assertViolation("index_out_of_bounds", 3, Sem.explore(run("push_back(l, 5); i = 1; got = l[i];")));
        assertViolation("index_out_of_bounds", 3, Sem.explore(run("push_back(l, 5); i = 1; l[i] = 2;")));
        assertViolation("index_out_of_bounds", 2, Sem.explore(run("i = -1; got = l[i];")));
    }

    @Test
    void arrayIndexOutsideTheArrayFaults() {
        assertViolation("index_out_of_bounds", 2, Sem.explore(run("i = 3; got = arr[i];")));
        assertViolation("index_out_of_bounds", 2, Sem.explore(run("i = 3; arr[i] = 1;")));
        assertViolation("index_out_of_bounds", 2, Sem.explore(run("i = -1; arr[i] = 1;")));
        CompiledScenario ok = run("i = 2; arr[i] = 1; got = arr[i];");
        assertHolds(4, Sem.explore(ok));
        assertTrue(last(ok).contains("arr = [0, 0, 1]") && last(ok).contains("got = 1"));
    }

    @Test
    void pushedValueIsRangeChecked() {
        // Elements are int[0..5]; got + 6 is not.
        assertViolation("value_out_of_range", 1, Sem.explore(run("push_back(l, got + 6);")));
    }
}
