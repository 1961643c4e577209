package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.TransitionSystem;

/**
 * Rebuilds the states of a trace from its labels. Searches keep only labels and parent links, not
 * states, so this is how every reported trace gets its states back. Under a reduction that stores
 * renamed representatives, the trace is turned back into the model's own run.
 */
public final class PathRebuilder {
    private PathRebuilder() {}

    public static Execution fromLabels(TransitionSystem ts, int[] labels) {
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
        int[] concrete = labels.clone();
        return new Execution(ts.concreteRun(states, concrete), concrete);
    }

    /**
     * Rebuilds a trace from successor positions: ordinals[i] says which successor, in the
     * stepper's order, step i takes. This is how a breadth-first search stores its parent links.
     */
    public static Execution fromOrdinals(TransitionSystem ts, int[] ordinals) {
        return fromOrdinals(ts, ts.newStepper(), ordinals, null);
    }

    /**
     * The same along the order of the given stepper (an observing one numbers successors as it
     * does); observed, when not null, receives each step's observation code.
     */
    public static Execution fromOrdinals(TransitionSystem ts, TransitionSystem.Stepper stepper, int[] ordinals,
            int[] observed) {
        int n = ts.stateSize();
        int[] cur = new int[n];
        ts.initialState(cur);
        List<int[]> states = new ArrayList<>(ordinals.length + 1);
        states.add(cur.clone());
        int[] labels = new int[ordinals.length];
        int[] next = new int[n];
        int[] seen = new int[3];
        for (int i = 0; i < ordinals.length; i++) {
            int want = ordinals[i];
            seen[0] = 0;
            seen[1] = -1;
            stepper.successors(cur, (succ, label) -> {
                if (seen[0]++ == want) {
                    System.arraycopy(succ, 0, next, 0, n);
                    seen[1] = label;
                    seen[2] = stepper.observation();
                }
            });
            if (want >= seen[0]) {
                throw new IllegalArgumentException("step " + i + ": the state has " + seen[0]
                        + " successors, not " + (want + 1));
            }
            labels[i] = seen[1];
            if (observed != null) observed[i] = seen[2];
            System.arraycopy(next, 0, cur, 0, n);
            states.add(cur.clone());
        }
        return new Execution(ts.concreteRun(states, labels), labels);
    }
}
