package org.uffdcheck.diff;

import java.util.Arrays;

/**
 * A labelled transition system in compressed rows: the edges of state s are
 * offsets[s] .. offsets[s + 1] - 1, edge e goes to targets[e] with observation labels[e], and
 * label 0 is an internal step. State 0 is the initial state. The same layout as the liveness
 * graph, whose edges carry the moving thread instead of an observation.
 */
public final class Lts {
    public static final int INTERNAL = 0;

    final int states;
    final int[] offsets;
    final int[] targets;
    final int[] labels;

    public Lts(int[] offsets, int[] targets, int[] labels) {
        if (offsets.length < 2 || targets.length != labels.length || offsets[offsets.length - 1] != targets.length) {
            throw new IllegalArgumentException("edges and offsets disagree");
        }
        this.states = offsets.length - 1;
        this.offsets = offsets;
        this.targets = targets;
        this.labels = labels;
    }

    public int states() {
        return states;
    }

    public int edges() {
        return targets.length;
    }

    /** Edge lists in any order, as (from, to, label) triples: for tests and small builders. */
    public static Lts of(int states, int[]... edges) {
        int[] from = new int[edges.length];
        int[] to = new int[edges.length];
        int[] label = new int[edges.length];
        for (int i = 0; i < edges.length; i++) {
            from[i] = edges[i][0];
            to[i] = edges[i][1];
            label[i] = edges[i][2];
        }
        return of(states, from, to, label, edges.length);
    }

    /** The first count edges of the three arrays, in any order; duplicates are kept. */
    public static Lts of(int states, int[] from, int[] to, int[] label, int count) {
        int[] offsets = new int[states + 1];
        for (int i = 0; i < count; i++) offsets[from[i] + 1]++;
        for (int s = 0; s < states; s++) offsets[s + 1] += offsets[s];
        int[] fill = Arrays.copyOf(offsets, states);
        int[] targets = new int[count];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int e = fill[from[i]]++;
            targets[e] = to[i];
            labels[e] = label[i];
        }
        return new Lts(offsets, targets, labels);
    }
}
