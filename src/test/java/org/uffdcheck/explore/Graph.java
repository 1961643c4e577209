package org.uffdcheck.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;

/**
 * A directed graph posing as a transition system: node 0 is initial, successors follow the
 * adjacency list in order and are labelled by edge index, and a node is encoded as a vector of
 * width ints whose last one is the node id.
 */
final class Graph {
    final int[][] adj;
    final int width;

    Graph(int[][] adj, int width) {
        this.adj = adj;
        this.width = width;
    }

    static Graph chain(int n) {
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) adj[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
        return new Graph(adj, 2);
    }

    /** Node i has edges to 2i + 1 and 2i + 2 while they are below n. */
    static Graph binaryTree(int n) {
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            int kids = (int) Math.max(0, Math.min(2, n - 1 - 2L * i));
            adj[i] = new int[kids];
            for (int k = 0; k < kids; k++) adj[i][k] = 2 * i + 1 + k;
        }
        return new Graph(adj, 2);
    }

    int size() {
        return adj.length;
    }

    int[] encode(int node) {
        int[] s = new int[width];
        for (int j = 0; j < width - 1; j++) s[j] = node * 31 + j * 7 + 1;
        s[width - 1] = node;
        return s;
    }

    int decode(int[] state) {
        return state[width - 1];
    }

    TransitionSystem system() {
        return system(null);
    }

    /** expanded, if not null, collects every state whose successors were asked for. */
    TransitionSystem system(Set<List<Integer>> expanded) {
        return new TransitionSystem() {
            @Override
            public int stateSize() {
                return width;
            }

            @Override
            public void initialState(int[] out) {
                System.arraycopy(encode(0), 0, out, 0, width);
            }

            @Override
            public Stepper newStepper() {
                int[] scratch = new int[width];
                return (state, sink) -> {
                    if (expanded != null) expanded.add(asList(state));
                    int[] succ = adj[decode(state)];
                    for (int e = 0; e < succ.length; e++) {
                        System.arraycopy(encode(succ[e]), 0, scratch, 0, width);
                        sink.accept(scratch, e);
                        Arrays.fill(scratch, -1); // the sink must not keep the vector
                    }
                    return succ.length;
                };
            }
        };
    }

    /** Checks on node ids: bad nodes violate "bad", deadlocks per flag, one reach property per target. */
    StateChecks checks(Collection<Integer> bad, boolean deadlock, Collection<Integer> validEnds, int... reach) {
        Set<Integer> badSet = new HashSet<>(bad);
        Set<Integer> ends = new HashSet<>(validEnds);
        return new StateChecks() {
            @Override
            public int violation(int[] state) {
                return badSet.contains(decode(state)) ? 0 : OK;
            }

            @Override
            public org.uffdcheck.engine.PropertyId property(int index) {
                return org.uffdcheck.engine.PropertyId.invariant("bad");
            }

            @Override
            public boolean checksDeadlock() {
                return deadlock;
            }

            @Override
            public boolean isValidEnd(int[] state) {
                return ends.contains(decode(state));
            }

            @Override
            public int reachableCount() {
                return reach.length;
            }

            @Override
            public org.uffdcheck.engine.PropertyId reachable(int index) {
                return org.uffdcheck.engine.PropertyId.reachable("reach-" + reach[index]);
            }

            @Override
            public boolean reached(int index, int[] state) {
                return decode(state) == reach[index];
            }
        };
    }

    StateChecks noChecks() {
        return checks(List.of(), false, List.of());
    }

    /** Shortest distance from node 0 to every node, -1 if unreachable. */
    int[] distances() {
        int[] dist = new int[adj.length];
        Arrays.fill(dist, -1);
        dist[0] = 0;
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of(0));
        while (!q.isEmpty()) {
            int u = q.poll();
            for (int v : adj[u]) {
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    q.add(v);
                }
            }
        }
        return dist;
    }

    /** The reachable state vectors, found by the simplest search that could work. */
    Set<List<Integer>> reachableStates() {
        Set<List<Integer>> seen = new HashSet<>();
        ArrayDeque<Integer> work = new ArrayDeque<>(List.of(0));
        seen.add(asList(encode(0)));
        while (!work.isEmpty()) {
            int u = work.pop();
            for (int v : adj[u]) {
                if (seen.add(asList(encode(v)))) work.push(v);
            }
        }
        return seen;
    }

    static List<Integer> asList(int[] state) {
        List<Integer> l = new ArrayList<>(state.length);
        for (int x : state) l.add(x);
        return l;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Graph(width=" + width + ")");
        for (int i = 0; i < adj.length; i++) sb.append(' ').append(i).append("->").append(Arrays.toString(adj[i]));
        return sb.toString();
    }
}
