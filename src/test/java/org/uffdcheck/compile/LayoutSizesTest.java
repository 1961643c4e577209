package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.lang.check.Sizes;

/**
 * A scenario's whole state, added up exactly: a model whose parts each fit but whose state does
 * not is rejected at the scenario with the parts' sizes, and one just under the limit runs.
 */
class LayoutSizesTest {
    @Test
    void aStateThatDoesNotFitIsRejectedAtTheScenario() {
        String err = Sem.rejected("""
                var a: int[4096][15];
                proc p() {
                    var l: int[4096];
                    a[0][0] = 7;
                }
                scenario s {
                    thread t = p();
                    expect holds;
                }
                """);
        assertTrue(err.contains("sem.uffd:6:1: error: scenario s needs 65551 state slots; a state may have at most 65536"
                + " (globals and pools 61441, forall and exists 0, thread stacks 4103, init 7)"), err);
    }

    @Test
    void theDeepestCallChainCounts() {
        // Each frame fits, and so does each thread's stack (5 + 4098 + 16386); four such threads do not.
        String err = Sem.rejected("""
                proc leaf() { var l: int[4096][4]; skip; }
                proc mid() { var m: int[4096]; leaf(); }
                scenario s {
                    thread a = mid();
                    thread b = mid();
                    thread c = mid();
                    thread d = mid();
                    expect holds;
                }
                """);
        assertTrue(err.contains("error: scenario s needs 81964 state slots; a state may have at most 65536"
                + " (globals and pools 1, forall and exists 0, thread stacks 81956, init 7)"), err);
    }

    @Test
    void aStateJustUnderTheLimitIsSearched() {
        CompiledScenario cs = Sem.compile("""
                var a: int[4096][15];
                var b: int[4000];
                proc p() { a[4095][14] = 7; }
                invariant never7: a[4095][14] != 7;
                scenario s {
                    thread t = p();
                    expect violation never7;
                }
                """);
        assertTrue(cs.stateSize() <= Sizes.MAX_STATE_SLOTS, "state of " + cs.stateSize());
        Sem.assertViolation("never7", 1, Sem.explore(cs));
    }

    @Test
    void theLeastIntIsALiteral() {
        ExploreResult r = Sem.explore("""
                var y: int[-2147483648..2147483647] = -2147483648;
                proc p() {
                    assert y == -2147483648;
                    y = y - 1;
                }
                scenario s {
                    thread t = p();
                    expect violation arithmetic;
                }
                """);
        Sem.assertViolation("arithmetic", 2, r);
    }

    @Test
    void aScenarioCanExpectAFailedAssert() {
        CompiledScenario cs = Sem.compile("""
                var x: int;
                proc p() { assert x == 1, "x is set"; }
                scenario s {
                    thread t = p();
                    check assert;
                    expect violation assert;
                }
                """);
        assertEquals("assert", cs.info().expect().property());
        assertEquals(java.util.List.of(), cs.info().checks());
        Sem.assertViolation("assert", 1, Sem.explore(cs));
    }
}
