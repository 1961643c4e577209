package org.uffdcheck.conform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.engine.TransitionSystem;

/**
 * Does the model have a run whose observations are exactly a recording's? A breadth-first search
 * of (model state, position in the recording) pairs: steps without an observation are free, a
 * step with one is taken only when it is the next recorded observation. The recording is matched
 * when a run makes all of its observations and can then, with internal steps, reach a state where
 * every thread the options name has finished (or rests at an end label). The model is compiled as
 * the caller chose; the observing stepper it is searched with ignores the symmetry reduction.
 */
public final class Conformance {
    /**
     * @param maxStates  the most (state, position) pairs the search may visit before it gives up
     * @param mustFinish the threads, by scenario name, that must have finished after the last
     *                   observation; null for every thread the scenario does not kill (a harness run
     *                   that ended normally: each thread returned, or was killed as the kill line says)
     */
    public record Options(long maxStates, Set<String> mustFinish) {
        public static final Options DEFAULT = new Options(1_000_000, null);
    }

    private final CompiledScenario cs;
    private final Recording rec;
    private final Options opts;
    private final TransitionSystem.Stepper stepper;
    private final boolean[] mustFinish;
    /** Per node: its state, its position in the recording, its parent and the label from it. */
    private final List<int[]> states = new ArrayList<>();
    private int[] pos = new int[1024], parent = new int[1024], label = new int[1024];
    private final Map<Key, Integer> index = new HashMap<>();
    private int deepest = 0;
    private final Set<Observation> instead = new LinkedHashSet<>();

    private record Key(int[] state, int pos, int hash) {
        Key(int[] state, int pos) { this(state, pos, 31 * Arrays.hashCode(state) + pos); }
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.pos == pos && k.hash == hash && Arrays.equals(k.state, state);
        }
        @Override public int hashCode() { return hash; }
    }

    private Conformance(CompiledScenario cs, Recording rec, Options opts) {
        this.cs = cs;
        this.rec = rec;
        this.opts = opts;
        this.stepper = cs.newObservingStepper();
        this.mustFinish = new boolean[cs.threadCount()];
        for (int t = 0; t < mustFinish.length; t++) {
            String name = cs.threadName(t);
            mustFinish[t] = opts.mustFinish() == null ? !cs.info().kills().contains(name) : opts.mustFinish().contains(name);
        }
    }

    /** Checks one recording against a compiled scenario. */
    public static ConformResult check(CompiledScenario cs, Recording rec, Options opts) {
        return new Conformance(cs, rec, opts).search();
    }

    private ConformResult search() {
        int[] init = new int[cs.stateSize()];
        cs.initialState(init);
        add(init, 0, -1, 0);
        int n = rec.size();
        for (int node = 0; node < states.size(); node++) {
            int[] s = states.get(node);
            int k = pos[node];
            if (k == n && finished(s)) {
                Execution run = path(node);
                return new ConformResult.Conforms(states.size(), n, run, Observed.along(cs, run));
            }
            final int from = node;
            stepper.successors(s, (next, l) -> {
                int code = stepper.observation();
                if (code == 0) {
                    add(next, k, from, l);
                } else if (k < n && cs.observation(code).equals(rec.get(k))) {
                    add(next, k + 1, from, l);
                } else if (k == deepest) {
                    instead.add(cs.observation(code));
                }
            });
            if (states.size() > opts.maxStates()) {
                return new ConformResult.BoundReached(states.size(), deepest, opts.maxStates());
            }
        }
        int first = firstAt(deepest);
        Execution prefix = path(first);
        return new ConformResult.Refuted(states.size(), deepest, deepest < n ? rec.get(deepest) : null, instead, prefix,
                Observed.along(cs, prefix));
    }

    /** Every required thread finished or at an end label, and no fault. */
    private boolean finished(int[] s) {
        if (cs.fault(s) != null) return false;
        for (int t = 0; t < mustFinish.length; t++) {
            if (mustFinish[t] && !cs.threadAtEnd(s, t)) return false;
        }
        return true;
    }

    private void add(int[] s, int k, int from, int l) {
        Key key = new Key(s.clone(), k);
        if (index.containsKey(key)) return;
        int id = states.size();
        if (id == pos.length) {
            pos = Arrays.copyOf(pos, 2 * id);
            parent = Arrays.copyOf(parent, 2 * id);
            label = Arrays.copyOf(label, 2 * id);
        }
        index.put(key, id);
        states.add(key.state());
        pos[id] = k;
        parent[id] = from;
        label[id] = l;
        if (k > deepest) {
            deepest = k;
            instead.clear();
        }
    }

    /** The first node (so the one with the shortest run) at position k. */
    private int firstAt(int k) {
        for (int i = 0; i < states.size(); i++) if (pos[i] == k) return i;
        throw new IllegalStateException("no node at " + k);
    }

    private Execution path(int node) {
        List<Integer> chain = new ArrayList<>();
        for (int i = node; i >= 0; i = parent[i]) chain.add(i);
        java.util.Collections.reverse(chain);
        List<int[]> run = new ArrayList<>();
        int[] labels = new int[chain.size() - 1];
        for (int i = 0; i < chain.size(); i++) {
            run.add(states.get(chain.get(i)));
            if (i > 0) labels[i - 1] = label[chain.get(i)];
        }
        return new Execution(run, labels);
    }
}
