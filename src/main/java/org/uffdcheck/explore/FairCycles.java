package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.uffdcheck.engine.Fairness;

/**
 * Finds a fair run that stays for ever in the states marked bad, having entered them at a state
 * marked start (itself reachable from the initial state). eventually P is start = the initial state,
 * bad = !P; P ~> Q is start = P && !Q, bad = !Q. Such a run exists exactly when the bad states
 * reachable from a start through bad states hold an end state (which stutters) or a fair strongly
 * connected set, and a run may take every edge of such a set, so:
 * <ul>
 * <li>NONE: an SCC with an edge in it is enough;
 * <li>WEAK: an SCC is fair when each thread is disabled in one of its states or moves along one of
 *     its edges;
 * <li>STRONG: an SCC is fair when each thread enabled in one of its states moves along one of its
 *     edges; otherwise the states where such a thread is enabled can be on no fair cycle inside it,
 *     and the SCCs of what is left are tried again (Emerson-Lei).
 * </ul>
 * One pass of Tarjan's algorithm, on explicit stacks (graphs have millions of states), rooted at
 * the starts and confined to bad states, finds the SCCs and judges each as it completes: a search
 * whose goal holds stops at the first fair one, and a lone state without a self-loop (most of a
 * large graph) costs nothing more. Paths for the lasso are searched only once one is found.
 */
final class FairCycles {
    private final LiveGraph g;
    private final Fairness fairness;
    private final RunControl control;
    private final int n;
    /** Which subproblem a state belongs to; 0 for none. */
    private final int[] region;
    private int nextRegion = 1;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final int[] callStates;
    private final int[] callEdges;
    private final int[] tarjanStack;
    /** For BFS: the edge a state was first reached by, -1 at a source; and for both searches, visit stamps. */
    private final int[] via;
    private final int[] stamp;
    private int stampNow;
    private final int[] queue;
    private long visits;
    /** STRONG: what is left of unfair SCCs, to be split again, with their region ids. */
    private final List<int[]> work = new ArrayList<>();
    private final List<Integer> workIds = new ArrayList<>();

    /** Thrown when the user or the time limit stops the search (control.poll said so). */
    static final class Stopped extends RuntimeException {
        Stopped() { super(null, null, false, false); }
    }

    private FairCycles(LiveGraph g, Fairness fairness, RunControl control) {
        this.g = g;
        this.fairness = fairness;
        this.control = control;
        this.n = g.states;
        region = new int[n];
        index = new int[n];
        low = new int[n];
        onStack = new boolean[n];
        callStates = new int[n];
        callEdges = new int[n];
        tarjanStack = new int[n];
        via = new int[n];
        stamp = new int[n];
        queue = new int[n];
    }

    /** A fair lasso through start into bad states for ever, or null if there is none. */
    static Lasso find(LiveGraph g, Fairness fairness, boolean[] start, boolean[] bad) {
        return find(g, fairness, start, bad, null);
    }

    /** As find, polling control (when not null) as the searches do; throws Stopped when it says stop. */
    static Lasso find(LiveGraph g, Fairness fairness, boolean[] start, boolean[] bad, RunControl control) {
        return new FairCycles(g, fairness, control).find(start, bad);
    }

    private Lasso find(boolean[] start, boolean[] bad) {
        int count = 0;
        for (int s = 0; s < n; s++) if (start[s] && bad[s] && g.parents[s] != LiveGraph.UNREACHED) count++;
        int[] sources = new int[count];
        count = 0;
        for (int s = 0; s < n; s++) if (start[s] && bad[s] && g.parents[s] != LiveGraph.UNREACHED) sources[count++] = s;
        int first = nextRegion++;
        for (int s = 0; s < n; s++) if (bad[s]) region[s] = first;
        int[] fair = sccs(sources, first);
        while (fair == null && !work.isEmpty()) {
            int[] set = work.remove(work.size() - 1);
            fair = sccs(set, workIds.remove(workIds.size() - 1));
        }
        if (fair == null) return null;
        int id = region[fair[0]];
        // Enter where a BFS through bad states from the starts first meets the set, after a shortest path to its start.
        int entry = closest(sources, bad, id);
        List<Integer> edges = new ArrayList<>();
        int src = walkBack(entry, via, edges);
        walkBack(src, g.parents, edges);
        Collections.reverse(edges);
        int loopStart = edges.size();
        if (!g.ends(entry)) cycle(entry, id, fair, edges);
        return lasso(edges, loopStart);
    }

    /** The member of region id that a BFS from sources through bad states reaches first; sets via. */
    private int closest(int[] sources, boolean[] bad, int id) {
        stampNow++;
        int head = 0;
        int tail = 0;
        for (int s : sources) {
            if (stamp[s] == stampNow) continue;
            if (region[s] == id) { via[s] = -1; return s; }
            stamp[s] = stampNow;
            via[s] = -1;
            queue[tail++] = s;
        }
        while (head < tail) {
            int s = queue[head++];
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                int t = g.targets[e];
                if (stamp[t] == stampNow || !bad[t]) continue;
                stamp[t] = stampNow;
                via[t] = e;
                if (region[t] == id) return t;
                queue[tail++] = t;
            }
        }
        throw new AssertionError("the fair set is not reachable from a start");
    }

    /** Follows viaOf back from s to a source, adding the edges (last first); returns the source. */
    private int walkBack(int s, int[] viaOf, List<Integer> edges) {
        while (viaOf[s] >= 0) {
            edges.add(viaOf[s]);
            s = g.source(viaOf[s]);
        }
        return s;
    }

    private Lasso lasso(List<Integer> edges, int loopStart) {
        int[] e = new int[edges.size()];
        int[] states = new int[e.length + 1];
        for (int i = 0; i < e.length; i++) {
            e[i] = edges.get(i);
            states[i + 1] = g.targets[e[i]];
        }
        return new Lasso(states, e, loopStart);
    }

    private void poll() {
        if (control != null && (++visits & RunControl.POLL_MASK) == 1 && control.poll(visits, 0, 0, 0)) throw new Stopped();
    }

    private boolean selfLoop(int s) {
        for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (g.targets[e] == s) return true;
        return false;
    }

    /**
     * Judges the SCC tarjanStack[from .. to): the members of a fair one (or of a lone end state),
     * or null. Its states get a region of their own, so its internal edges are those that stay in
     * it. Under STRONG an unfair one leaves the states where no unmoving thread is enabled as work.
     */
    private int[] judge(int from, int to) {
        int c = nextRegion++;
        if (to - from == 1 && !selfLoop(tarjanStack[from])) {
            region[tarjanStack[from]] = c;
            return g.ends(tarjanStack[from]) ? new int[] {tarjanStack[from]} : null;
        }
        for (int i = from; i < to; i++) region[tarjanStack[i]] = c;
        int moved = 0;
        int somewhere = 0;
        int everywhere = -1;
        for (int i = from; i < to; i++) {
            int s = tarjanStack[i];
            int en = g.enabled(s);
            somewhere |= en;
            everywhere &= en;
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (region[g.targets[e]] == c) moved |= 1 << g.movers[e];
        }
        int[] scc = Arrays.copyOfRange(tarjanStack, from, to);
        switch (fairness) {
            case NONE -> { return scc; }
            case WEAK -> { return (everywhere & ~moved) == 0 ? scc : null; }
            case STRONG -> {
                int unfair = somewhere & ~moved;
                if (unfair == 0) return scc;
                int d = nextRegion++;
                int kept = 0;
                for (int s : scc) {
                    if ((g.enabled(s) & unfair) != 0) region[s] = 0; else { region[s] = d; scc[kept++] = s; }
                }
                if (kept > 0) { work.add(Arrays.copyOf(scc, kept)); workIds.add(d); }
                return null;
            }
            default -> throw new AssertionError(fairness);
        }
    }

    /**
     * Tarjan's algorithm from roots over the states of region id, judging each SCC as it
     * completes; returns the first fair one's members, or null when none is.
     */
    private int[] sccs(int[] roots, int id) {
        stampNow++;
        int counter = 0;
        int top = 0;
        for (int root : roots) {
            if (stamp[root] == stampNow || region[root] != id) continue;
            poll();
            int sp = 0;
            stamp[root] = stampNow;
            index[root] = low[root] = counter++;
            tarjanStack[top++] = root;
            onStack[root] = true;
            callStates[sp] = root;
            callEdges[sp++] = g.offsets[root];
            while (sp > 0) {
                int v = callStates[sp - 1];
                int e = callEdges[sp - 1];
                if (e < g.offsets[v + 1]) {
                    callEdges[sp - 1] = e + 1;
                    int w = g.targets[e];
                    if (region[w] != id) continue;
                    if (stamp[w] != stampNow) {
                        poll();
                        stamp[w] = stampNow;
                        index[w] = low[w] = counter++;
                        tarjanStack[top++] = w;
                        onStack[w] = true;
                        callStates[sp] = w;
                        callEdges[sp++] = g.offsets[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                sp--;
                if (sp > 0) {
                    int u = callStates[sp - 1];
                    low[u] = Math.min(low[u], low[v]);
                }
                if (low[v] == index[v]) {
                    int from = top;
                    do { from--; onStack[tarjanStack[from]] = false; } while (tarjanStack[from] != v);
                    int[] fair = judge(from, top);
                    if (fair != null) return fair;
                    top = from;
                }
            }
        }
        return null;
    }

    /**
     * Appends to edges a cycle from entry back to entry inside the fair set (region id), of at
     * least one step. A shorter cycle than the whole set could leave a thread enabled all along
     * it, so the cycle takes, for each thread enabled somewhere in the set, one of its moves, or
     * under WEAK, for a thread that never moves there, passes a state where it is disabled (the set
     * being fair, there is one). Under STRONG every thread enabled somewhere moves in the set.
     */
    private void cycle(int entry, int id, int[] fair, List<Integer> edges) {
        int somewhere = 0;
        int moved = 0;
        for (int s : fair) {
            somewhere |= g.enabled(s);
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (region[g.targets[e]] == id) moved |= 1 << g.movers[e];
        }
        int cur = entry;
        boolean stepped = false;
        for (int t = 0; t < LiveGraph.MAX_THREADS && fairness != Fairness.NONE; t++) {
            if ((somewhere & (1 << t)) == 0) continue;
            if ((moved & (1 << t)) != 0) {
                int edge = internalEdge(fair, id, t);
                cur = pathTo(cur, g.source(edge), id, edges);
                edges.add(edge);
                cur = g.targets[edge];
                stepped = true;
            } else {
                cur = pathTo(cur, disabledState(fair, t), id, edges);
            }
        }
        if (!stepped && cur == entry) {
            int edge = internalEdge(fair, id, -1);
            cur = pathTo(cur, g.source(edge), id, edges);
            edges.add(edge);
            cur = g.targets[edge];
        }
        pathTo(cur, entry, id, edges);
    }

    private int disabledState(int[] fair, int t) {
        for (int s : fair) if ((g.enabled(s) & (1 << t)) == 0) return s;
        throw new AssertionError("thread " + t + " is enabled all over a fair set and never moves in it");
    }

    /** An edge inside the set moved by thread t (any thread if t < 0). */
    private int internalEdge(int[] fair, int id, int t) {
        for (int s : fair) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (region[g.targets[e]] == id && (t < 0 || g.movers[e] == t)) return e;
            }
        }
        throw new AssertionError("no move of thread " + t + " inside a fair set");
    }

    /** Appends a shortest path inside region id from a to b; returns b. */
    private int pathTo(int a, int b, int id, List<Integer> edges) {
        if (a == b) return b;
        stampNow++;
        int head = 0;
        int tail = 0;
        stamp[a] = stampNow;
        via[a] = -1;
        queue[tail++] = a;
        while (head < tail && stamp[b] != stampNow) {
            int s = queue[head++];
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                int t = g.targets[e];
                if (stamp[t] == stampNow || region[t] != id) continue;
                stamp[t] = stampNow;
                via[t] = e;
                queue[tail++] = t;
            }
        }
        if (stamp[b] != stampNow) throw new AssertionError("a fair set is not strongly connected");
        List<Integer> back = new ArrayList<>();
        walkBack(b, via, back);
        for (int i = back.size() - 1; i >= 0; i--) edges.add(back.get(i));
        return b;
    }
}
