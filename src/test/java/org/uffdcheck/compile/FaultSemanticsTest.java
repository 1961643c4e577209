package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Fault;

/**
 * Runtime faults: a step that would break a rule of the language ends in an error state instead.
 * The error state keeps the variables as they were before the faulting step and names the step.
 */
class FaultSemanticsTest {
    private static CompiledScenario run(String body) {
        return Sem.compile("""
                var x: int[0..3];
                var z: int;
                var huge: int = 2147483647;
                proc p() {
                """ + body + "\n}\nscenario s { thread t = p(); check deadlock; expect holds; }\n");
    }

    private static void assertFault(String property, int steps, String body, String site) {
        CompiledScenario cs = run(body);
        ExploreResult r = Sem.explore(cs);
        assertViolation(property, steps, r);
        assertEquals(Fault.byProperty(property), cs.fault(r.trace().last()));
        assertTrue(cs.faultSite(r.trace().last()).endsWith(site), cs.faultSite(r.trace().last()));
    }

    @Test
    void assignmentOutOfRange() {
        assertFault("value_out_of_range", 2, "x = 3; x = x + 1;", "x = x + 1;");
        assertFault("value_out_of_range", 1, "x = x - 1;", "x = x - 1;");
        // The error state keeps x as it was before the faulting step.
        CompiledScenario cs = run("x = 3; x = x + 1;");
        List<String> end = cs.describer().state(Sem.explore(cs).trace().last());
        assertTrue(end.contains("x = 3"), end.toString());
    }

    @Test
    void localsAreRangeCheckedToo() {
        // The constant initialiser is no step of its own, so the faulting assignment is step 1.
        assertFault("value_out_of_range", 1, "var v: int[0..1] = 1; v = v + 1;", "v = v + 1;");
    }

    @Test
    void overflowIsArithmetic() {
        assertFault("arithmetic", 1, "huge = huge + 1;", "huge = huge + 1;");
        assertFault("arithmetic", 1, "huge = huge * 2;", "huge = huge * 2;");
        assertFault("arithmetic", 2, "huge = -huge - 1; huge = -huge;", "huge = -huge;");
    }

    @Test
    void divisionByZeroIsArithmetic() {
        assertFault("arithmetic", 1, "x = 1 / z;", "x = 1 / z;");
        assertFault("arithmetic", 1, "x = 1 % z;", "x = 1 % z;");
        // Also where a condition is evaluated: an await or an if.
        assertFault("arithmetic", 1, "await 1 / z == 0;", "await 1 / z == 0;");
        assertFault("arithmetic", 1, "if (1 / z == 0) { x = 1; }", "if (1 / z == 0)");
        // Division that is fine: 7 / 2 = 3, 7 % 2 = 1.
        CompiledScenario ok = run("z = 7; x = z / 2; z = z % 2;");
        assertHolds(4, Sem.explore(ok));
    }

    @Test
    void failedAssertIsTheAssertProperty() {
        CompiledScenario cs = run("x = 1; assert x == 2, \"x must be two\";");
        ExploreResult r = Sem.explore(cs);
        assertViolation("assert", 2, r);
        assertNull(r.bound());
        assertTrue(cs.faultSite(r.trace().last()).endsWith("assert x == 2, \"x must be two\";"),
                cs.faultSite(r.trace().last()));
        // A passing assert is an ordinary step.
        assertHolds(3, Sem.explore(run("x = 2; assert x == 2, \"x must be two\";")));
    }

    @Test
    void faultsAreFoundOnlyOnInterleavingsThatReachThem() {
        // t2 divides by z, which t1 clears only at its second step: shortest is t1, t1, t2.
        String m = """
                var z: int = 1;
                var x: int;
                proc one() { z = 2; z = 0; }
                proc two() { x = 4 / z; }
                scenario s { thread t1 = one(); thread t2 = two(); check deadlock; expect holds; }
                """;
        assertViolation("arithmetic", 3, Sem.explore(Sem.compile(m)));
    }
}
