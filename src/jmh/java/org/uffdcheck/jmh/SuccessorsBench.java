package org.uffdcheck.jmh;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Successor generation on a shipped toy model: all reachable states are collected once, then each
 * operation expands the next of them, as the search does. Run from the project root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SuccessorsBench {
    @Param({"models/toys/rwsem_readers_writers.uffd"})
    String model;

    private TransitionSystem.Stepper stepper;
    private int[][] states;
    private int next;
    private Blackhole hole;
    private final TransitionSystem.SuccessorSink sink = (succ, label) -> hole.consume(succ[0] ^ label);

    @Setup
    public void setup(Blackhole bh) {
        hole = bh;
        CheckedModel m = Checker.check(ModelLoader.load(Path.of(model), model));
        ScenarioInfo s = m.scenarios.values().iterator().next();
        CompiledScenario cs = Compiler.compile(m, s);
        stepper = cs.newStepper();
        states = reachable(cs);
    }

    @Benchmark
    public int successors() {
        int[] s = states[next];
        next = next + 1 == states.length ? 0 : next + 1;
        return stepper.successors(s, sink);
    }

    private static int[][] reachable(TransitionSystem ts) {
        int[] init = new int[ts.stateSize()];
        ts.initialState(init);
        Set<List<Integer>> seen = new HashSet<>();
        List<int[]> all = new ArrayList<>();
        ArrayDeque<int[]> work = new ArrayDeque<>();
        seen.add(key(init));
        work.add(init);
        TransitionSystem.Stepper st = ts.newStepper();
        while (!work.isEmpty()) {
            int[] s = work.poll();
            all.add(s);
            st.successors(s, (succ, label) -> {
                if (seen.add(key(succ))) work.add(succ.clone());
            });
        }
        return all.toArray(new int[0][]);
    }

    private static List<Integer> key(int[] s) {
        List<Integer> l = new ArrayList<>(s.length);
        for (int x : s) l.add(x);
        return l;
    }
}
