package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.explore.PathRebuilder;

/**
 * The symmetry reduction on small models whose whole state space can be listed: the states it
 * stores are exactly the representatives of the reachable states, every renaming of a reachable
 * state has the same representative, and counterexamples come back as runs of the model itself.
 */
class SymmetryTest {
    /** Two identical workers and a watcher: each worker allocates a node, links it on a shared list, takes one off and frees it. */
    private static final String WORKERS = """
            struct node {
                owner: task;
                next: node*;
                val: int[0..3];
            }
            pool node[4];
            var lock: spinlock;
            var queue: list<node*, 3>;
            var done: int[0..3];

            proc worker(v: int[0..3]) {
                var n: node* = null;
                var m: node* = null;
                n = kmalloc(node);
                n.owner = current;
                n.val = v;
                spin_lock(lock);
                push_back(queue, n);
                spin_unlock(lock);
                spin_lock(lock);
                m = pop_front(queue);
                spin_unlock(lock);
                kfree(m);
                done = done + 1;
            }

            proc watcher() {
                var n: node* = null;
                n = kmalloc(node);
                n.val = 3;
                kfree(n);
            }

            invariant bounded: done <= 3;

            scenario workers {
                thread a = worker(1);
                thread b = worker(1);
                thread c = worker(2);
                thread w = watcher();
                check bounded, deadlock;
                expect holds;
            }
            """;

    @Test
    void storesExactlyTheRepresentativesOfTheReachableStates() {
        CompiledScenario plain = Sem.compile(WORKERS);
        Set<List<Integer>> reachable = Sem.reachable(plain);
        Symmetry sym = new Symmetry(plain, new boolean[plain.threadCount()]);
        Set<List<Integer>> representatives = new HashSet<>();
        for (List<Integer> s : reachable) {
            int[] a = Sem.unbox(s);
            sym.canonicalize(a);
            representatives.add(Sem.box(a));
        }
        CompiledScenario reduced = Sem.compile(WORKERS, Reductions.SYMMETRY);
        Set<List<Integer>> stored = Sem.reachable(reduced);
        assertEquals(representatives.size(), stored.size());
        assertTrue(representatives.containsAll(stored), "a stored state is no reachable state's representative");
        assertTrue(representatives.size() * 3 / 2 < reachable.size(),
                representatives.size() + " representatives of " + reachable.size() + " states");
        ExploreResult r = Sem.explore(reduced);
        Sem.assertHolds(representatives.size(), r);
    }

    @Test
    void everyRenamingOfAReachableStateHasTheSameRepresentative() {
        CompiledScenario cs = Sem.compile(WORKERS);
        Symmetry sym = new Symmetry(cs, new boolean[cs.threadCount()]);
        Layout.Pool pool = cs.layout.pools.get("node");
        Random rnd = new Random(7);
        int renamed = 0;
        for (List<Integer> s : Sem.reachable(cs)) {
            int[] state = Sem.unbox(s);
            int[] rep = state.clone();
            sym.canonicalize(rep);
            int[] again = rep.clone();
            sym.canonicalize(again);
            assertArrayEquals(rep, again, "a representative is its own representative");

            // Swap the two worker(1) threads or not, and shuffle the objects in use.
            int[] threads = {0, 1, 2, 3};
            if (rnd.nextBoolean()) {
                threads[0] = 1;
                threads[1] = 0;
            }
            int used = 0;
            while (used < pool.cap() && state[pool.record(used + 1)] != Layout.Pool.UNUSED) used++;
            List<Integer> objects = new ArrayList<>();
            for (int i = 0; i < used; i++) objects.add(i);
            java.util.Collections.shuffle(objects, rnd);
            int[] perm = {0, 1, 2, 3};
            for (int i = 0; i < used; i++) perm[i] = objects.get(i);
            int[] other = new int[state.length];
            sym.apply(state, threads, new int[][] {perm}, other);
            if (!java.util.Arrays.equals(other, state)) renamed++;
            sym.canonicalize(other);
            assertArrayEquals(rep, other, "representative of a renamed state");
        }
        assertTrue(renamed > 100, "only " + renamed + " states were really renamed");
    }

    @Test
    void reductionsBelongToTheCompiledScenario() {
        // Two scenarios compiled from one checked model keep their own reductions, whichever runs first.
        var m = Sem.check(WORKERS);
        var s = m.scenarios.values().iterator().next();
        CompiledScenario reduced = Compiler.compile(m, s, Reductions.SYMMETRY);
        CompiledScenario plain = Compiler.compile(m, s);
        assertEquals(Reductions.NONE, plain.reductions());
        assertEquals(Reductions.SYMMETRY, reduced.reductions());
        long p = Sem.explore(plain).stats().states();
        long r = Sem.explore(reduced).stats().states();
        assertTrue(r < p, r + " >= " + p);
        assertEquals(p, Sem.explore(Compiler.compile(m, s, Reductions.NONE)).stats().states());
    }

    @Test
    void threadsNamedByAPropertyStayApart() {
        String model = WORKERS.replace("check bounded, deadlock;", "check bounded, a_first, deadlock;")
                .replace("invariant bounded", "reachable a_first: a@done_a && done == 1;\ninvariant bounded")
                .replace("    done = done + 1;", "    done = done + 1;\ndone_a:\n    skip;");
        CompiledScenario cs = Sem.compile(model, Reductions.SYMMETRY);
        ExploreResult r = Sem.explore(cs);
        assertEquals(ExploreResult.Status.HOLDS, r.status());
        // Thread a is pinned, so a and b are not merged: more states than with them interchangeable.
        long pinned = r.stats().states();
        long free = Sem.explore(Sem.compile(WORKERS, Reductions.SYMMETRY)).stats().states();
        assertTrue(pinned > free, pinned + " <= " + free);
    }

    @Test
    void aCounterexampleIsTheModelsOwnRun() {
        String model = WORKERS.replace("invariant bounded: done <= 3;", "invariant bounded: done <= 1;")
                .replace("expect holds;", "expect violation bounded;");
        CompiledScenario reduced = Sem.compile(model, Reductions.SYMMETRY);
        ExploreResult r = Sem.explore(reduced);
        assertEquals(ExploreResult.Status.VIOLATION, r.status());
        CompiledScenario plain = Sem.compile(model);
        ExploreResult p = Sem.explore(plain);
        assertEquals(p.trace().length(), r.trace().length(), "shortest either way");
        Execution replayed = PathRebuilder.fromLabels(plain, r.trace().labels());
        for (int i = 0; i < replayed.states().size(); i++) {
            assertArrayEquals(replayed.states().get(i), r.trace().states().get(i), "state " + i);
        }
        assertTrue(!plain.invariantHolds(0, replayed.last()));
    }
}
