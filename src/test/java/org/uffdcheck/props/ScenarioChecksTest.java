package org.uffdcheck.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.explore.Explorer;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;

/**
 * Properties have identities that tell apart the faults sharing a name, judge() answers for every
 * kind, and the judgement of a trace's last state (replay, counterexamples) agrees with the search's.
 */
public class ScenarioChecksTest {
    /** a may free p and then read through it; b loses the object it allocated: two faults of memory_safe. */
    public static final String TWO_MEMORY_FAULTS = """
            struct obj { refs: int; }
            pool obj[2];
            var p: obj*;
            var q: obj*;
            var c: int[0..1];
            proc use_late() {
                select c in 0..1;
                if (c == 1) {
                    kfree(p);
                    c = p->refs;
                }
            }
            proc lose() {
                q = kmalloc(obj);
                q = null;
            }
            proc setup() { p = kmalloc(obj); }
            scenario two_faults {
                init { setup(); }
                thread a = use_late();
                thread b = lose();
                expect violation memory_safe;
            }
            """;

    @TempDir
    Path dir;

    private CompiledScenario compile(String text) throws IOException {
        Path file = dir.resolve("m.uffd");
        Files.writeString(file, text);
        CheckedModel m = Checker.check(ModelLoader.load(file, "m.uffd"));
        return Compiler.compile(m, m.scenarios.values().iterator().next());
    }

    private static ExploreResult all(CompiledScenario cs, ExploreOptions.Mode mode) {
        return new Explorer(cs, new ScenarioChecks(cs), ExploreOptions.defaults().withMode(mode).withAll(true)).run();
    }

    @Test
    void faultsSharingANameAreDistinctViolations() throws IOException {
        CompiledScenario cs = compile(TWO_MEMORY_FAULTS);
        List<PropertyId> ids = all(cs, ExploreOptions.Mode.BFS).violations().stream().map(Violation::id).toList();
        assertEquals(List.of(PropertyId.of(Fault.USE_AFTER_FREE), PropertyId.of(Fault.LEAK)), ids);
        assertEquals(List.of("memory_safe (use_after_free)", "memory_safe (leak)"),
                ids.stream().map(PropertyId::show).toList());
    }

    @Test
    void theLastStateOfEachViolationIsJudgedAsTheSearchJudgedIt() throws IOException {
        CompiledScenario cs = compile(TWO_MEMORY_FAULTS.replace("scenario two_faults", "invariant c_small: c < 1;\nscenario two_faults"));
        ScenarioChecks checks = new ScenarioChecks(cs);
        List<Violation> found = all(cs, ExploreOptions.Mode.BFS).violations();
        // c = 1 breaks c_small before anything is freed, and a violating state is not expanded.
        assertEquals(List.of(PropertyId.invariant("c_small"), PropertyId.of(Fault.LEAK)), found.stream().map(Violation::id).toList());
        for (Violation v : found) {
            int[] last = v.trace().last();
            assertEquals(v.id(), checks.property(checks.violation(last)));
            assertEquals(v.id(), checks.violated(last, v.property(), null));
        }
        assertNull(checks.violated(found.get(0).trace().last(), "memory_safe", null));
        assertNull(checks.violated(found.get(1).trace().last(), "c_small", null));

        CompiledScenario faults = compile(TWO_MEMORY_FAULTS);
        ScenarioChecks fc = new ScenarioChecks(faults);
        for (Violation v : all(faults, ExploreOptions.Mode.BFS).violations()) {
            int[] end = v.trace().last();
            assertEquals(v.id(), fc.violated(end, "memory_safe", null));
            assertEquals(v.id(), fc.violated(end, "memory_safe", v.id().fault().kind));
            String other = v.id().fault() == Fault.LEAK ? "use_after_free" : "leak";
            assertNull(fc.violated(end, "memory_safe", other), v.id() + " is not " + other);
            assertNull(fc.violated(end, "deadlock", null));
        }
    }

    @Test
    void aDeadlockIsJudgedOnTheSuccessorsOfTheLastState() throws IOException {
        CompiledScenario cs = compile(Files.readString(Path.of("models/toys/abba_deadlock.uffd")));
        ExploreResult r = all(cs, ExploreOptions.Mode.DFS);
        assertEquals(PropertyId.DEADLOCK, r.violations().get(0).id());
        ScenarioChecks checks = new ScenarioChecks(cs);
        assertEquals(PropertyId.DEADLOCK, checks.violated(r.trace().last(), "deadlock", null));
        assertNull(checks.violated(r.trace().states().get(0), "deadlock", null), "the initial state can move");
    }

    @Test
    void aFaultIsQualifiedOnlyWhereItsNameIsShared() {
        assertEquals("assert", PropertyId.of(Fault.ASSERT).show());
        assertEquals("no_wait_under_mmap_sem", PropertyId.of(Fault.USER_WAIT_UNDER_LOCK).show());
        assertEquals("memory_safe (double_free)", PropertyId.of(Fault.DOUBLE_FREE).show());
        assertEquals("x_small", PropertyId.invariant("x_small").show());
    }

    /** x = 0, then 1, then 2 where the thread waits for ever: one state for each verdict. */
    private static final String STUCK = """
            var x: int[0..3];
            proc run() {
                x = 1;
                x = 2;
                await x == 3;
            }
            invariant small: x < 2;
            reachable one: x == 1;
            scenario stuck {
                thread t = run();
                expect violation small;
            }
            """;

    /** x = 0, then 1, then the assert fails. */
    private static final String FAILS = """
            var x: int[0..3];
            proc run() {
                x = 1;
                assert x == 0;
            }
            scenario fails {
                thread t = run();
                expect violation assert;
            }
            """;

    /** The states of the one path from the initial state; each has at most one successor. */
    private static List<int[]> path(CompiledScenario cs) {
        List<int[]> states = new ArrayList<>();
        int[] s = new int[cs.stateSize()];
        cs.initialState(s);
        while (true) {
            states.add(s);
            if (cs.fault(s) != null) return states;
            List<int[]> next = new ArrayList<>();
            cs.newStepper().successors(s, (n, label) -> next.add(n.clone()));
            if (next.isEmpty()) return states;
            assertEquals(1, next.size(), "one thread, no choice");
            s = next.get(0);
        }
    }

    @Test
    void invariantReachableAndDeadlockAreEachJudgedOnTheirOwnState() throws IOException {
        CompiledScenario cs = compile(STUCK);
        ScenarioChecks checks = new ScenarioChecks(cs);
        List<int[]> states = path(cs);
        assertEquals(3, states.size());
        PropertyId small = PropertyId.invariant("small");
        PropertyId one = checks.reachable(0);
        assertEquals(PropertyId.reachable("one"), one);
        boolean[] violatesSmall = {false, false, true};
        boolean[] reachesOne = {false, true, false};
        boolean[] deadlocks = {false, false, true};
        for (int i = 0; i < states.size(); i++) {
            int[] s = states.get(i);
            assertEquals(violatesSmall[i], checks.judge(small, s), "small in state " + i);
            assertEquals(reachesOne[i], checks.judge(one, s), "one in state " + i);
            assertEquals(deadlocks[i], checks.judge(PropertyId.DEADLOCK, s), "deadlock in state " + i);
            assertFalse(checks.judge(PropertyId.of(Fault.ASSERT), s), "no fault in state " + i);
            assertFalse(checks.judge(PropertyId.of(Fault.LEAK), s), "no leak in state " + i);
            // The searches' indexed forms say the same.
            assertEquals(violatesSmall[i], checks.violation(s) != StateChecks.OK);
            assertEquals(reachesOne[i], checks.reached(0, s));
            assertEquals(violatesSmall[i] ? small : null, checks.violated(s, "small", null));
            assertEquals(deadlocks[i] ? PropertyId.DEADLOCK : null, checks.violated(s, "deadlock", null));
            assertEquals(null, checks.violated(s, "one", null), "a reachable is never violated by a state");
        }
    }

    @Test
    void aFaultIsJudgedOnTheStateThatRaisedIt() throws IOException {
        CompiledScenario cs = compile(FAILS);
        ScenarioChecks checks = new ScenarioChecks(cs);
        List<int[]> states = path(cs);
        int[] last = states.get(states.size() - 1);
        assertTrue(checks.judge(PropertyId.of(Fault.ASSERT), last));
        assertFalse(checks.judge(PropertyId.of(Fault.ARITHMETIC), last));
        assertEquals(PropertyId.of(Fault.ASSERT), checks.property(checks.violation(last)));
        assertEquals(PropertyId.of(Fault.ASSERT), checks.violated(last, "assert", null));
        for (int i = 0; i < states.size() - 1; i++) assertFalse(checks.judge(PropertyId.of(Fault.ASSERT), states.get(i)));
    }
}
