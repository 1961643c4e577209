package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The initial state: global initialisers in declaration order, then the scenario's init block, run
 * to the end before any thread moves and taking no steps. Init code must be deterministic and must
 * not block; a mistake there is reported at its source.
 */
class InitSemanticsTest {
    private static String model(String init) {
        return """
                struct pair { a: int[0..5]; b: bool; }
                var x: int[0..5] = 2;
                var y: int[0..5] = x + 1;
                var l: list<int[0..5], 3>;
                var pr: pair = pair { b: true };
                var lk: spinlock;
                proc p() { skip; }
                scenario s {
                    init {
                """ + init + """

                    }
                    thread t = p();
                    check deadlock;
                    expect holds;
                }
                """;
    }

    @Test
    void globalInitialisersAndInitBlockBuildTheInitialState() {
        CompiledScenario cs = Sem.compile(model("push_back(l, x); x = 4; pr.a = y; for (i in 1..2) { push_back(l, i); }"));
        assertEquals(List.of("x = 4", "y = 3", "l = [2, 1, 2]", "pr = {a: 3, b: true}", "lk = free",
                "t: in p at sem.uffd:7: skip"), cs.describer().state(Sem.initial(cs)));
        // None of that is a step: the thread's one skip makes 2 states.
        assertHolds(2, Sem.explore(cs));
    }

    @Test
    void withoutInitBlockOnlyTheInitialisersRun() {
        CompiledScenario cs = Sem.compile(model(""));
        assertEquals(List.of("x = 2", "y = 3", "l = []", "pr = {a: 0, b: true}", "lk = free"),
                cs.describer().state(Sem.initial(cs)).subList(0, 5));
    }

    @Test
    void nondeterministicInitIsRejectedWhereItHappens() {
        String err = Sem.rejected(model("select x in 1..2;"));
        assertTrue(err.contains("sem.uffd:10:1: error: the init code must be deterministic"), err);
        assertTrue(err.contains("select x in 1..2;\n    | ^^^^^^^^^^^^^^^^^"), err);
        String either = Sem.rejected(model("either { x = 1; } or { x = 2; }"));
        assertTrue(either.contains("sem.uffd:10:1: error: the init code must be deterministic"), either);
    }

    @Test
    void blockingInitIsRejectedWhereItHappens() {
        String err = Sem.rejected(model("await x == 5;"));
        assertTrue(err.contains("sem.uffd:10:1: error: the init code blocks here"), err);
        String lock = Sem.rejected(model("spin_lock(lk); spin_lock(lk);"));
        assertTrue(lock.contains("sem.uffd:10:16: error: the init code blocks here"), lock);
    }

    @Test
    void faultInInitIsRejected() {
        String err = Sem.rejected(model("pop_front(l);"));
        assertTrue(err.contains("building the initial state of s: took from an empty list"), err);
    }
}
