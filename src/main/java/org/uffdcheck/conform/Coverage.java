package org.uffdcheck.conform;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.engine.TransitionSystem;

/**
 * Which observations the model allows that no recording showed: a model too loose to be wrong
 * shows here. possible is every observation some reachable step makes (all of them when complete,
 * else those found within the bound); unseen is possible minus every recording's observations.
 */
public record Coverage(Set<Observation> possible, Set<Observation> unseen, boolean complete, long states) {
    public Coverage {
        possible = Set.copyOf(possible);
        unseen = Set.copyOf(unseen);
    }

    /** Explores the whole model (up to maxStates states) with observation labels. */
    public static Coverage of(TransitionSystem ts, Collection<Recording> recordings, long maxStates) {
        record Key(int[] s, int hash) {
            Key(int[] s) { this(s, Arrays.hashCode(s)); }
            @Override public boolean equals(Object o) { return o instanceof Key k && k.hash == hash && Arrays.equals(k.s, s); }
            @Override public int hashCode() { return hash; }
        }
        TransitionSystem.Stepper st = ts.newObservingStepper();
        Set<Key> seen = new HashSet<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int[] init = new int[ts.stateSize()];
        ts.initialState(init);
        seen.add(new Key(init));
        queue.add(init);
        Set<Integer> codes = new LinkedHashSet<>();
        boolean complete = true;
        while (!queue.isEmpty()) {
            if (seen.size() > maxStates) {
                complete = false;
                break;
            }
            st.successors(queue.poll(), (next, l) -> {
                int code = st.observation();
                if (code != 0) codes.add(code);
                Key k = new Key(next.clone());
                if (seen.add(k)) queue.add(k.s());
            });
        }
        Set<Observation> possible = new LinkedHashSet<>();
        for (int c : codes) possible.add(ts.observation(c));
        Set<Observation> unseen = new LinkedHashSet<>(possible);
        for (Recording r : recordings) r.observations().forEach(unseen::remove);
        return new Coverage(possible, unseen, complete, seen.size());
    }
}
