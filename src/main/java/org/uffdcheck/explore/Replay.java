package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.compile.TransitionSystem;

/**
 * Rebuilds the states of a trace from its labels. Searches keep only labels and parent links, not
 * states, so this is how every reported trace gets its states back.
 */
public final class Replay {
    private Replay() {}

    public static Trace fromLabels(TransitionSystem ts, int[] labels) {
        int n = ts.stateSize();
        int[] cur = new int[n];
        ts.initialState(cur);
        List<int[]> states = new ArrayList<>(labels.length + 1);
        states.add(cur.clone());
        TransitionSystem.Stepper stepper = ts.newStepper();
        int[] next = new int[n];
        boolean[] found = new boolean[1];
        for (int i = 0; i < labels.length; i++) {
            int want = labels[i];
            found[0] = false;
            stepper.successors(cur, (succ, label) -> {
                if (label == want && !found[0]) {
                    System.arraycopy(succ, 0, next, 0, n);
                    found[0] = true;
                }
            });
            if (!found[0]) {
                throw new IllegalArgumentException(
                        "step " + i + ": label " + want + " is not a successor of the state reached so far");
            }
            System.arraycopy(next, 0, cur, 0, n);
            states.add(cur.clone());
        }
        return new Trace(states, labels);
    }
}
