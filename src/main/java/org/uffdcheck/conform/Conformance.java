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
 * it can rest as the harness's run ended (quiescence): every thread the options say finished has
 * finished (or rests at an end label), every thread they say blocked has not, and no internal
 * steps from there lead to a step that observes, except by the silent threads (killed, or whose
 * process ended), whose observations nobody could see. The model is compiled as the caller chose;
 * the observing stepper it is searched with ignores the symmetry reduction.
 */
public final class Conformance {
    /**
     * @param maxStates  the most (state, position) pairs the search may visit before it gives up
     * @param mustFinish the threads, by scenario name, that must have finished after the last
     *                   observation; null for every thread the scenario does not kill (a harness run
     *                   that ended normally: each thread returned, or was killed as the kill line says)
     * @param blocked    the threads that must not have finished: the harness saw them asleep in a call
     *                   that never returned
     * @param silent     the threads whose observations cannot count at the end; null for every thread
     *                   neither in mustFinish nor in blocked (with mustFinish null: the killed ones)
     */
    public record Options(long maxStates, Set<String> mustFinish, Set<String> blocked, Set<String> silent) {
        public static final Options DEFAULT = new Options(1_000_000, null);

        /** Threads outside mustFinish are left alone, as a run cut short at a timeout leaves them. */
        public Options(long maxStates, Set<String> mustFinish) {
            this(maxStates, mustFinish, Set.of(), null);
        }
    }

    private final CompiledScenario cs;
    private final Recording rec;
    private final Options opts;
    private final TransitionSystem.Stepper stepper;
    private final boolean[] mustFinish, mustBlock, silent;
    /** Nodes at the recording's end: internal edges among them (pairs), and observations visible threads can make. */
    private int[] edges = new int[256];
    private int edgeCount;
    private final Map<Integer, List<Observation>> visibleObs = new HashMap<>();
    /** Per node at the end: every thread the harness saw blocked cannot move there. */
    private boolean[] asleep = new boolean[1024];
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
        int n = cs.threadCount();
        this.mustFinish = new boolean[n];
        this.mustBlock = new boolean[n];
        this.silent = new boolean[n];
        for (int t = 0; t < n; t++) {
            String name = cs.threadName(t);
            mustFinish[t] = opts.mustFinish() == null ? !cs.info().kills().contains(name) : opts.mustFinish().contains(name);
            mustBlock[t] = opts.blocked().contains(name);
            silent[t] = opts.silent() == null ? !mustFinish[t] && !mustBlock[t] : opts.silent().contains(name);
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
        boolean[] moved = new boolean[1];
        boolean[] movers = new boolean[mustBlock.length];
        for (int node = 0; node < states.size(); node++) {
            int[] s = states.get(node);
            int k = pos[node];
            final int from = node;
            moved[0] = false;
            Arrays.fill(movers, false);
            stepper.successors(s, (next, l) -> {
                int code = stepper.observation();
                int t = CompiledScenario.threadOfLabel(l);
                movers[t] = true;
                // After the last observation, what a silent thread observes could not be seen.
                boolean unseen = code != 0 && k == n && silent[t];
                if (!unseen) moved[0] = true;
                if (code == 0) {
                    int to = add(next, k, from, l);
                    if (k == n) edge(from, to);
                } else if (k < n && cs.observation(code).equals(rec.get(k))) {
                    add(next, k + 1, from, l);
                } else if (k == n && !unseen) {
                    visibleObs.computeIfAbsent(from, x -> new ArrayList<>()).add(cs.observation(code));
                } else if (k == deepest && k < n) {
                    instead.add(cs.observation(code));
                }
            });
            // The common end: nothing can move but silent threads' observations. A rest at once.
            if (k == n && !moved[0] && ends(s)) return conforms(node, n);
            if (k == n) asleep[node] = blockedAsleep(movers);
            if (states.size() > opts.maxStates()) {
                return new ConformResult.BoundReached(states.size(), deepest, opts.maxStates());
            }
        }
        if (deepest == n) {
            boolean[] mayObserve = mayObserve();
            for (int i = 0; i < states.size(); i++) {
                if (pos[i] == n && !mayObserve[i] && asleep[i] && ends(states.get(i))) return conforms(i, n);
            }
            return restless(n, mayObserve);
        }
        int first = firstAt(deepest);
        Execution prefix = path(first);
        return new ConformResult.Refuted(states.size(), deepest, rec.get(deepest), instead, prefix,
                Observed.along(cs, prefix), null);
    }

    private ConformResult conforms(int node, int n) {
        Execution run = path(node);
        return new ConformResult.Conforms(states.size(), n, run, Observed.along(cs, run));
    }

    private void edge(int from, int to) {
        if (edgeCount + 2 > edges.length) edges = Arrays.copyOf(edges, 2 * edges.length);
        edges[edgeCount++] = from;
        edges[edgeCount++] = to;
    }

    /** The internal edges at the recording's end, per node: forward from it, or (backward) into it. */
    private List<List<Integer>> adjacency(boolean backward) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) adj.add(null);
        for (int e = 0; e < edgeCount; e += 2) {
            int from = edges[backward ? e + 1 : e], to = edges[backward ? e : e + 1];
            if (adj.get(from) == null) adj.set(from, new ArrayList<>());
            adj.get(from).add(to);
        }
        return adj;
    }

    /** Per node at the end: whether internal steps from it lead to an observation of a visible thread. */
    private boolean[] mayObserve() {
        boolean[] may = new boolean[states.size()];
        List<List<Integer>> into = adjacency(true);
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        for (int i : visibleObs.keySet()) {
            may[i] = true;
            work.add(i);
        }
        while (!work.isEmpty()) {
            List<Integer> back = into.get(work.poll());
            if (back == null) continue;
            for (int b : back) {
                if (!may[b]) {
                    may[b] = true;
                    work.add(b);
                }
            }
        }
        return may;
    }

    /**
     * Every observation matched, but no state reachable after them can rest: the first that meets
     * the threads' ends and could still observe (what its internal steps lead to), or, when none
     * meets them, the first node at the end.
     */
    private ConformResult restless(int n, boolean[] mayObserve) {
        int at = -1;
        for (int i = 0; i < states.size() && at < 0; i++) {
            if (pos[i] == n && ends(states.get(i))) at = i;
        }
        String why;
        Set<Observation> could = new LinkedHashSet<>();
        if (at >= 0) {
            for (int i : reachableByInternalSteps(at)) {
                List<Observation> o = visibleObs.get(i);
                if (o != null) could.addAll(o);
            }
            Set<String> who = new LinkedHashSet<>();
            for (Observation o : could) who.add(o.thread());
            why = who.isEmpty() ? "the model cannot rest here: " + blockedMoving(states.get(at))
                    : "the model cannot rest here: thread" + (who.size() == 1 ? " " : "s ") + String.join(", ", who)
                    + " can still observe " + shown(could);
        } else {
            at = firstAt(n);
            why = "no run of the model can then end as the run did" + endsWanted();
            for (int o : visibleObs.keySet()) if (pos[o] == n) could.addAll(visibleObs.get(o));
        }
        Execution prefix = path(at);
        return new ConformResult.Refuted(states.size(), n, null, could, prefix, Observed.along(cs, prefix), why);
    }

    /** The threads the harness saw blocked that can still move in s, for a report. */
    private String blockedMoving(int[] s) {
        boolean[] movers = new boolean[mustBlock.length];
        stepper.successors(s, (next, l) -> movers[CompiledScenario.threadOfLabel(l)] = true);
        List<String> names = new ArrayList<>();
        for (int t = 0; t < movers.length; t++) if (mustBlock[t] && movers[t]) names.add(cs.threadName(t));
        return "thread" + (names.size() == 1 ? " " : "s ") + String.join(", ", names)
                + ", which the harness saw blocked, can still move (without observing anything)";
    }

    private static String shown(Set<Observation> obs) {
        List<String> out = new ArrayList<>();
        for (Observation o : obs) out.add(o.toString());
        return String.join("; ", out);
    }

    /** What the harness's end asked of the threads, for a report. */
    private String endsWanted() {
        List<String> done = new ArrayList<>(), asleep = new ArrayList<>();
        for (int t = 0; t < mustFinish.length; t++) {
            if (mustFinish[t]) done.add(cs.threadName(t));
            if (mustBlock[t]) asleep.add(cs.threadName(t));
        }
        return (done.isEmpty() ? "" : " (" + String.join(", ", done) + " finished")
                + (asleep.isEmpty() ? "" : (done.isEmpty() ? " (" : "; ") + String.join(", ", asleep) + " still blocked")
                + (done.isEmpty() && asleep.isEmpty() ? "" : ")") + " without observing more";
    }

    private List<Integer> reachableByInternalSteps(int from) {
        List<List<Integer>> out = adjacency(false);
        List<Integer> seen = new ArrayList<>(List.of(from));
        Set<Integer> in = new java.util.HashSet<>(seen);
        for (int k = 0; k < seen.size(); k++) {
            List<Integer> next = out.get(seen.get(k));
            if (next == null) continue;
            for (int m : next) if (in.add(m)) seen.add(m);
        }
        return seen;
    }

    /** No thread the harness saw blocked has a step here (movers: the threads that have one). */
    private boolean blockedAsleep(boolean[] movers) {
        for (int t = 0; t < movers.length; t++) if (mustBlock[t] && movers[t]) return false;
        return true;
    }

    /** Every required thread finished or at an end label, every blocked one unfinished, and no fault. */
    private boolean ends(int[] s) {
        if (cs.fault(s) != null) return false;
        for (int t = 0; t < mustFinish.length; t++) {
            if (mustFinish[t] && !cs.threadAtEnd(s, t)) return false;
            if (mustBlock[t] && cs.threadFinished(s, t)) return false;
        }
        return true;
    }

    /** The node of (s, k), added when new. */
    private int add(int[] s, int k, int from, int l) {
        Key key = new Key(s.clone(), k);
        Integer known = index.get(key);
        if (known != null) return known;
        int id = states.size();
        if (id == pos.length) {
            pos = Arrays.copyOf(pos, 2 * id);
            asleep = Arrays.copyOf(asleep, 2 * id);
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
        return id;
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
