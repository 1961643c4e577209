package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;

/** Invariants, reachability, quantifiers, thread@label and end labels. */
class PropertySemanticsTest {
    private static final String FLAGS = """
            var flags: bool[3];
            var l: list<int[0..3], 3>;
            var done: bool;
            proc setter() { flags[0] = true; flags[1] = true; flags[2] = true; push_back(l, 2); }
            """;

    private static String waiter(String cond, String invariant) {
        return FLAGS + "proc waiter() { await " + cond + "; done = true; }\n"
                + "invariant inv: " + invariant + ";\n"
                + "scenario s { thread a = setter(); thread b = waiter(); check inv, deadlock; expect holds; }\n";
    }

    @Test
    void quantifiersReadTheStateWithoutChangingIt() {
        // setter has 5 points; waiter waits (1 point) until the setter has finished, then sets done
        // and finishes (2 more): 5 + 2 = 7 states, with or without quantifiers.
        String plain = waiter("flags[0] && flags[1] && flags[2] && len(l) == 1", "!done || flags[0] && flags[1] && flags[2]");
        assertHolds(7, Sem.explore(Sem.compile(plain)));
        String range = waiter("(forall k in 0..2: flags[k]) && (exists v in l: v == 2)",
                "!done || (forall k in 0..2: flags[k])");
        assertHolds(7, Sem.explore(Sem.compile(range)));
        String array = waiter("(forall f in flags: f) && (exists v in l: v == 2)", "!done || (forall f in flags: f)");
        CompiledScenario cs = Sem.compile(array);
        assertHolds(7, Sem.explore(cs));
        // The same vectors but for the quantifiers' scratch slots, which are zero in every state.
        assertEquals(Sem.reachable(Sem.compile(plain)), withoutScratch(cs));
    }

    /** Reachable states with the bound-variable scratch slots cut out, after checking they are zero. */
    private static Set<List<Integer>> withoutScratch(CompiledScenario cs) {
        int from = cs.layout.boundBase, to = cs.layout.threadBase[0];
        assertTrue(to > from, "the quantifiers have scratch slots");
        Set<List<Integer>> out = new HashSet<>();
        for (List<Integer> s : Sem.reachable(cs)) {
            assertEquals(Collections.nCopies(to - from, 0), s.subList(from, to), s.toString());
            List<Integer> cut = new ArrayList<>(s.subList(0, from));
            cut.addAll(s.subList(to, s.size()));
            out.add(cut);
        }
        return out;
    }

    @Test
    void quantifiedInvariantIsViolatedWhereItFails() {
        // exists k: !flags[k] fails once the setter has raised all three: 3 steps.
        ExploreResult r = Sem.explore(Sem.compile(waiter("done", "exists k in 0..2: !flags[k]")));
        assertViolation("inv", 3, r);
        // forall over an empty list holds, exists over it does not: violated in the initial state.
        assertViolation("inv", 0, Sem.explore(Sem.compile(waiter("done", "exists v in l: v >= 0"))));
    }

    @Test
    void threadAtLabelInAnInvariant() {
        String m = """
                var lk: spinlock;
                proc locked() { spin_lock(lk); crit: skip; spin_unlock(lk); }
                proc unlocked() { skip; crit: skip; skip; }
                invariant mutex: !(t1@crit && t2@crit);
                scenario with_lock { thread t1 = locked(); thread t2 = locked(); check mutex, deadlock; expect holds; }
                scenario without { thread t1 = unlocked(); thread t2 = unlocked(); check mutex, deadlock; expect holds; }
                """;
        // With the lock: 4 * 4 pairs of points minus the 2 * 2 where both would hold it: 12.
        assertHolds(12, Sem.explore(Sem.compile(m, "with_lock")));
        // Without: both reach crit after their first skip.
        CompiledScenario cs = Sem.compile(m, "without");
        ExploreResult r = Sem.explore(cs);
        assertViolation("mutex", 2, r);
        List<String> end = cs.describer().state(r.trace().last());
        assertTrue(end.get(1).startsWith("t1: in unlocked at sem.uffd:3") && end.get(2).startsWith("t2: in unlocked at sem.uffd:3"),
                end.toString());
    }

    @Test
    void aTaskArgumentNamesTheThreadThatTAtLabelLooksAt() {
        String m = """
                var seen: bool;
                var x: int[0..3];
                var y: int[0..3];
                proc stepper() { x = 1; crit: x = 2; x = 3; }
                proc plain() { y = 1; y = 2; y = 3; }
                proc watch(t: task) { end_wait: atomic { await t@crit; seen = true; } }
                proc watch_a() { end_wait: atomic { await a@crit; seen = true; } }
                reachable seen_at_crit: seen && a@crit;
                scenario by_task { thread a = stepper(); thread b = plain(); thread w = watch(a); check seen_at_crit; expect holds; }
                scenario by_name { thread a = stepper(); thread b = plain(); thread w = watch_a(); check seen_at_crit; expect holds; }
                scenario other { thread a = stepper(); thread b = plain(); thread w = watch(b); check seen_at_crit; expect holds; }
                """;
        ExploreResult byTask = Sem.explore(Sem.compile(m, "by_task"));
        // The same runs as the thread named in the procedure: a has 4 points, b 4, and w passes only
        // with a at crit (2 more points for it there and after): 16 + 3 * 4 = 28 states.
        assertHolds(28, byTask);
        assertHolds(28, Sem.explore(Sem.compile(m, "by_name")));
        // b never reaches a crit label: w waits for ever, and no state has seen.
        ExploreResult other = Sem.explore(Sem.compile(m, "other"));
        assertEquals(ExploreResult.Status.VIOLATION, other.status());
        assertEquals("seen_at_crit", other.property());
        assertEquals(16, other.stats().states());
        String bad = Sem.rejected(m.replace("thread w = watch(b)", "thread w = watch(c)"));
        assertTrue(bad.contains("a thread's task argument must name a thread of the scenario"), bad);
    }

    private static String server(String label) {
        return """
                var req: bool;
                proc server() { while (true) { %s await req; req = false; } }
                proc client() { req = true; await !req; }
                scenario s { thread srv = server(); thread c = client(); check deadlock; expect holds; }
                """.formatted(label);
    }

    @Test
    void endLabelMakesARestingThreadAValidEnd() {
        // server at the await (A) or req = false (C), going round while (true) being no step;
        // client at req = true (R), its await (W) or finished (F). Reachable: (A,R) (A,W,req)
        // (C,W,req) (A,W) (A,F): 5 states, ending with the server resting at its await.
        assertHolds(5, Sem.explore(Sem.compile(server("endwait:"))));
        // Without the label the same end is a deadlock, first met 4 steps in.
        ExploreResult r = Sem.explore(Sem.compile(server("")));
        assertViolation("deadlock", 4, r);
        // Any label not starting with "end" does not count.
        assertViolation("deadlock", 4, Sem.explore(Sem.compile(server("wait:"))));
    }

    @Test
    void endLabelDoesNotExcuseAnotherThreadsBlocking() {
        String m = """
                var go: bool;
                proc idle() { endidle: await go; }
                proc stuck() { await go; }
                scenario rest { thread a = idle(); thread b = idle(); check deadlock; expect holds; }
                scenario mixed { thread a = idle(); thread b = stuck(); check deadlock; expect holds; }
                """;
        assertHolds(1, Sem.explore(Sem.compile(m, "rest")));
        assertViolation("deadlock", 0, Sem.explore(Sem.compile(m, "mixed")));
    }

    @Test
    void reachableIsFoundWithAShortestWitness() {
        String m = FLAGS + """
                proc waiter() { await flags[2]; done = true; }
                reachable all_set: flags[0] && flags[1] && flags[2];
                reachable never: done && !flags[0];
                scenario found { thread a = setter(); thread b = waiter(); check all_set, deadlock; expect holds; }
                scenario missing { thread a = setter(); thread b = waiter(); check all_set, never; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m, "found");
        ExploreResult r = Sem.explore(cs);
        // setter 5 points; waiter waits until flags[2] (setter at point 3 or later), then 2 more:
        // 5 + 2 * 2 = 9 states.
        assertHolds(9, r);
        assertEquals("all_set", r.witnesses().get(0).name());
        assertEquals(3, r.witnesses().get(0).trace().length());
        assertTrue(cs.describer().state(r.witnesses().get(0).trace().last()).contains("flags = [true, true, true]"));

        ExploreResult miss = Sem.explore(Sem.compile(m, "missing"));
        assertEquals(ExploreResult.Status.VIOLATION, miss.status());
        assertEquals("never", miss.property());
        assertNull(miss.trace());
        assertEquals(9, miss.stats().states(), "a never-reached verdict needs the whole space");
    }
}
