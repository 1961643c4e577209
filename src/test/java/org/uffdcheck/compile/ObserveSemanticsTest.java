package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.TransitionSystem;

/**
 * observe NAME(args): no state and no step of its own; it labels the step it runs in, and an
 * observing stepper names that label for each successor.
 */
class ObserveSemanticsTest {
    private static String model(String one) {
        return """
                enum colour { RED, GREEN }
                var a: int[0..3];
                var go: bool;
                proc set_a(v: int) { a = v; observe set(v); }
                proc two() { go = true; }
                """
                + "proc one() {\n" + one + "\n}\n"
                + "scenario s { thread t1 = one(); thread t2 = two(); expect holds; }\n";
    }

    /** Every step's observation in the reachable graph, as "from-state-index: text", by BFS. */
    private static Set<String> observedSteps(CompiledScenario cs) {
        TransitionSystem.Stepper st = cs.newObservingStepper();
        Set<List<Integer>> seen = new HashSet<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int[] init = Sem.initial(cs);
        queue.add(init);
        seen.add(Sem.box(init));
        Set<String> out = new TreeSet<>();
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            List<int[]> next = new ArrayList<>();
            st.successors(s, (n, label) -> {
                int code = st.observation();
                out.add(code == 0 ? "internal" : cs.observation(code).toString());
                next.add(n.clone());
            });
            for (int[] n : next) if (seen.add(Sem.box(n))) queue.add(n);
        }
        return out;
    }

    @Test
    void aTaskArgumentIsObservedAsTheThreadItNames() {
        String m = """
                var go: bool;
                proc two() { go = true; }
                proc watch(t: task) { await go; observe saw(t, current); }
                scenario s { thread t1 = watch(t2); thread t2 = two(); expect holds; }
                """;
        assertEquals(Set.of("internal", "t1: saw(t2, t1)"), observedSteps(Sem.compile(m)));
    }

    @Test
    void observeAddsNoStateWherever_itStands() {
        String[] bodies = {
            "a = 1; a = 2;",
            "a = 1; observe one(a); a = 2; observe two(a);",
            "observe first(); a = 1; a = 2;",
            "atomic { a = 1; } a = 2;",
            "atomic { observe x(a); a = 1; } a = 2;",
            "atomic { a = 1; observe x(a); } a = 2; observe y();",
        };
        long plain = Sem.explore(Sem.compile(model(bodies[0]))).stats().states();
        for (String b : bodies) {
            String without = b.replaceAll("\\s*observe [a-z]+\\([a-z]*\\);", "");
            assertHolds(Sem.explore(Sem.compile(model(without))).stats().states(), Sem.explore(Sem.compile(model(b))));
        }
        assertEquals(plain, Sem.explore(Sem.compile(model(bodies[1]))).stats().states());
    }

    @Test
    void labelsTheStepBeforeIt() {
        Set<String> steps = observedSteps(Sem.compile(model("a = 1; observe one(a); a = 2;")));
        assertEquals(Set.of("internal", "t1: one(1)"), steps);
    }

    /** t1's one observation over the whole graph is seen, and the graph has this many states. */
    private static void assertOnly(String body, String observation, long states) {
        CompiledScenario cs = Sem.compile(model(body));
        assertEquals(Set.of("internal", observation), observedSteps(cs));
        assertHolds(states, Sem.explore(cs));
    }

    @Test
    void atTheStartOfAThreadLabelsItsFirstStep() {
        // t1 has two places only: before its one step and finished.
        assertOnly("observe hello(a); a = 2;", "t1: hello(0)", 4);
    }

    @Test
    void atTheStartOfAnAtomicBlockLabelsTheBlock() {
        // The block reads a after a = 1 ran, so the observation is of the block, not the step before.
        assertEquals(Set.of("internal", "t1: x(1)"),
                observedSteps(Sem.compile(model("a = 1; atomic { observe x(a); a = 2; }"))));
    }

    @Test
    void insideACalleeLabelsTheCallersStep() {
        assertEquals(Set.of("internal", "t1: set(2)"), observedSteps(Sem.compile(model("atomic { set_a(2); }"))));
    }

    @Test
    void waitsWithTheStepItLabels() {
        // The observe stands before an await: until t2 sets go, t1 has no step, observing or not.
        assertOnly("atomic { observe woke(); await go; a = 1; }", "t1: woke()", 3);
    }

    @Test
    void enumsAndBoolsByName() {
        CompiledScenario cs = Sem.compile(model("var c: colour = GREEN; a = 1; observe paint(c, a == 1, -3);"));
        assertTrue(observedSteps(cs).contains("t1: paint(GREEN, true, -3)"), observedSteps(cs).toString());
    }

    @Test
    void twoObservationsInOneStepAreAFault() {
        ExploreResult r = Sem.explore(Sem.compile(model("atomic { a = 1; observe one(); observe two(); }")));
        assertEquals(ExploreResult.Status.VIOLATION, r.status());
        assertEquals("observe_once", r.violations().get(0).id().name());
    }

    @Test
    void mergingLocalStepsKeepsEachObservationInAStepOfItsOwn() {
        // k = 2 is local, so merge-local would run it inside the step a = 1; both observe.
        String body = "a = 1; observe one(a); var k: int = 2; k = k + 1; observe two(k);";
        ExploreResult r = Sem.explore(Sem.compile(model(body), Reductions.MERGE_LOCAL));
        assertEquals(ExploreResult.Status.HOLDS, r.status(), () -> "violation " + r.property());
    }

    @Test
    void aPlainStepperNamesNoObservation() {
        CompiledScenario cs = Sem.compile(model("a = 1; observe one(a);"));
        TransitionSystem.Stepper st = cs.newStepper();
        List<Integer> codes = new ArrayList<>();
        st.successors(Sem.initial(cs), (n, l) -> codes.add(st.observation()));
        assertEquals(List.of(0, 0), codes);
    }

    @Test
    void equalObservationsShareACode() {
        CompiledScenario cs = Sem.compile(model("a = 1; observe one(a);"));
        TransitionSystem.Stepper st = cs.newObservingStepper();
        TransitionSystem.Stepper other = cs.newObservingStepper();
        List<Integer> codes = new ArrayList<>();
        st.successors(Sem.initial(cs), (n, l) -> codes.add(st.observation()));
        other.successors(Sem.initial(cs), (n, l) -> codes.add(other.observation()));
        assertEquals(codes.subList(0, 2), codes.subList(2, 4));
        assertTrue(codes.contains(1), codes.toString());
    }
}
