package org.uffdcheck.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset construction over observations on one collapsed system, built on demand: a
 * macrostate is the set of states the system can be in after some observable trace, closed under
 * internal steps. Only its states that matter are kept: those with an observable edge and those
 * that rest (no internal edge leaves them). The others offer nothing and refuse nothing, so two
 * closures that agree on the states that matter are the same macrostate.
 */
final class Macrostates {
    private final Lts g;
    private final Map<Members, Integer> ids = new HashMap<>();
    private final List<int[]> members = new ArrayList<>();
    private final List<int[]> next = new ArrayList<>();
    private final int[] seen;
    private int stamp;
    private int[] stack = new int[64];
    private int[] found = new int[64];

    Macrostates(Lts g) {
        this.g = g;
        this.seen = new int[g.states];
    }

    int count() {
        return members.size();
    }

    int initial() {
        return close(new int[] {0}, 1);
    }

    int[] members(int m) {
        return members.get(m);
    }

    /** The observations some state of m can make next, sorted. */
    int[] next(int m) {
        return next.get(m);
    }

    /** The macrostate after observing label from m. */
    int after(int m, int label) {
        int[] seeds = new int[8];
        int n = 0;
        for (int s : members.get(m)) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (g.labels[e] != label) continue;
                if (n == seeds.length) seeds = Arrays.copyOf(seeds, 2 * n);
                seeds[n++] = g.targets[e];
            }
        }
        return close(seeds, n);
    }

    boolean rests(int s) {
        for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (g.labels[e] == Lts.INTERNAL) return false;
        return true;
    }

    /** What resting state s offers, sorted: its edges are all observable. */
    int[] offer(int s) {
        int[] out = new int[g.offsets[s + 1] - g.offsets[s]];
        for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) out[e - g.offsets[s]] = g.labels[e];
        return sortedDistinct(out, out.length);
    }

    private int close(int[] seeds, int n) {
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int sp = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (seen[seeds[i]] == stamp) continue;
            seen[seeds[i]] = stamp;
            stack = push(stack, sp++, seeds[i]);
        }
        while (sp > 0) {
            int s = stack[--sp];
            boolean matters = true;
            boolean observable = false;
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (g.labels[e] != Lts.INTERNAL) {
                    observable = true;
                    continue;
                }
                matters = false;
                int t = g.targets[e];
                if (seen[t] == stamp) continue;
                seen[t] = stamp;
                stack = push(stack, sp++, t);
            }
            if (matters || observable) found = push(found, k++, s);
        }
        int[] set = Arrays.copyOf(found, k);
        Arrays.sort(set);
        Members key = new Members(set);
        Integer id = ids.get(key);
        if (id != null) return id;
        ids.put(key, members.size());
        members.add(set);
        next.add(labelsOf(set));
        return members.size() - 1;
    }

    private int[] labelsOf(int[] set) {
        int[] out = new int[16];
        int k = 0;
        for (int s : set) {
            for (int e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
                if (g.labels[e] != Lts.INTERNAL) out = push(out, k++, g.labels[e]);
            }
        }
        return sortedDistinct(out, k);
    }

    static int[] sortedDistinct(int[] a, int n) {
        int[] out = Arrays.copyOf(a, n);
        Arrays.sort(out);
        int k = 0;
        for (int i = 0; i < n; i++) if (k == 0 || out[k - 1] != out[i]) out[k++] = out[i];
        return Arrays.copyOf(out, k);
    }

    private static int[] push(int[] a, int i, int v) {
        if (i == a.length) a = Arrays.copyOf(a, 2 * i);
        a[i] = v;
        return a;
    }

    private record Members(int[] states) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Members m && Arrays.equals(states, m.states);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(states);
        }
    }
}
