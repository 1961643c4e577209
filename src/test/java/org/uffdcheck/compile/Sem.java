package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.explore.Explorer;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.props.ScenarioChecks;

/**
 * Runs small inline models through the whole pipeline (load, check, compile, explore) so tests can
 * state what the language means in terms of states, steps and verdicts.
 */
final class Sem {
    static final String FILE = "sem.uffd";

    private Sem() {}

    /** Checks a model written as text; the file is shown as sem.uffd in messages. */
    static CheckedModel check(String model) {
        try {
            Path dir = Files.createTempDirectory("uffd-sem");
            Path file = dir.resolve(FILE);
            Files.writeString(file, model);
            try {
                return Checker.check(ModelLoader.load(file, FILE));
            } finally {
                Files.delete(file);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the named scenario of a model. */
    static CompiledScenario compile(String model, String scenario) {
        CheckedModel m = check(model);
        return Compiler.compile(m, m.scenarios.get(scenario));
    }

    /** Compiles the only (or first) scenario. */
    static CompiledScenario compile(String model) {
        return compile(model, Reductions.NONE);
    }

    /** Compiles the only (or first) scenario with the given reductions. */
    static CompiledScenario compile(String model, Reductions reductions) {
        CheckedModel m = check(model);
        return Compiler.compile(m, m.scenarios.values().iterator().next(), reductions);
    }

    /** Breadth-first search with every check the scenario asks for. */
    static ExploreResult explore(CompiledScenario cs) {
        return new Explorer(cs, new ScenarioChecks(cs), ExploreOptions.defaults()).run();
    }

    static ExploreResult explore(String model) {
        return explore(compile(model));
    }

    /** The rendered error of a model the pipeline must reject (the checker or the compiler). */
    static String rejected(String model) {
        ModelError e = assertThrows(ModelError.class, () -> compile(model));
        return e.diagnostics().render();
    }

    /** Asserts the search found every property holding, over exactly the given number of states. */
    static void assertHolds(long states, ExploreResult r) {
        assertEquals(ExploreResult.Status.HOLDS, r.status(), () -> "violation " + r.property() + " " + r.bound());
        assertEquals(states, r.stats().states(), "distinct states");
    }

    /** Asserts a violation of property, reached by a shortest trace of the given length. */
    static void assertViolation(String property, int traceLength, ExploreResult r) {
        assertEquals(ExploreResult.Status.VIOLATION, r.status(), "status");
        assertEquals(property, r.property(), "violated property");
        assertEquals(traceLength, r.trace().length(), "trace length");
    }

    /** Every reachable state, found by a plain breadth-first search with no checks at all. */
    static Set<List<Integer>> reachable(TransitionSystem ts) {
        Map<List<Integer>, Integer> dist = distances(ts);
        return dist.keySet();
    }

    /** Distance from the initial state of every reachable state, by plain breadth-first search. */
    static Map<List<Integer>, Integer> distances(TransitionSystem ts) {
        int[] init = new int[ts.stateSize()];
        ts.initialState(init);
        Map<List<Integer>, Integer> dist = new HashMap<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        dist.put(box(init), 0);
        queue.add(init);
        TransitionSystem.Stepper stepper = ts.newStepper();
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int d = dist.get(box(s));
            stepper.successors(s, (next, label) -> {
                if (dist.putIfAbsent(box(next), d + 1) == null) queue.add(next.clone());
            });
        }
        return dist;
    }

    /** Length of a shortest path to a state satisfying p, or -1. */
    static int shortest(TransitionSystem ts, Predicate<int[]> p) {
        int best = -1;
        for (Map.Entry<List<Integer>, Integer> e : distances(ts).entrySet()) {
            if (p.test(unbox(e.getKey())) && (best < 0 || e.getValue() < best)) best = e.getValue();
        }
        return best;
    }

    /** Reachable states with no successors, each shown as the describer's lines. */
    static Set<List<String>> finalStates(CompiledScenario cs) {
        Set<List<String>> out = new LinkedHashSet<>();
        TransitionSystem.Stepper stepper = cs.newStepper();
        for (List<Integer> s : reachable(cs)) {
            int[] st = unbox(s);
            if (stepper.successors(st, (n, l) -> { }) == 0) out.add(cs.describer().state(st));
        }
        return out;
    }

    /** The one state a deterministic run ends in, as the describer's lines. */
    static List<String> onlyFinalState(CompiledScenario cs) {
        Set<List<String>> f = finalStates(cs);
        assertEquals(1, f.size(), f.toString());
        return f.iterator().next();
    }

    /** The successors of a state as describer lines, in generation order. */
    static List<List<String>> successors(CompiledScenario cs, int[] s) {
        List<List<String>> out = new ArrayList<>();
        cs.newStepper().successors(s, (n, l) -> out.add(cs.describer().state(n)));
        return out;
    }

    static int[] initial(CompiledScenario cs) {
        int[] s = new int[cs.stateSize()];
        cs.initialState(s);
        return s;
    }

    static List<Integer> box(int[] s) {
        List<Integer> l = new ArrayList<>(s.length);
        for (int v : s) l.add(v);
        return l;
    }

    static int[] unbox(List<Integer> l) {
        int[] s = new int[l.size()];
        for (int i = 0; i < s.length; i++) s[i] = l.get(i);
        return s;
    }

    static String show(int[] s) { return Arrays.toString(s); }
}
