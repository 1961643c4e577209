package org.uffdcheck.engine;

import java.util.List;

/**
 * A path through the state space: states.get(0) is the initial state and labels[i] is the
 * successor label that leads from states.get(i) to states.get(i + 1). A liveness counterexample
 * is a lasso: loop, when not NO_LOOP, is the index of the state the run repeats from for ever, and
 * the last state is that state again (or, when loop is the last index, the run ends there and
 * stays for ever).
 */
public record Execution(List<int[]> states, int[] labels, int loop) {
    public static final int NO_LOOP = -1;

    public Execution {
        states = List.copyOf(states);
        labels = labels.clone();
        if (states.size() != labels.length + 1) {
            throw new IllegalArgumentException(
                    states.size() + " states do not fit " + labels.length + " labels");
        }
        if (loop < NO_LOOP || loop > labels.length) throw new IllegalArgumentException("loop " + loop);
    }

    public Execution(List<int[]> states, int[] labels) {
        this(states, labels, NO_LOOP);
    }

    public boolean lasso() {
        return loop != NO_LOOP;
    }

    /** Number of steps. */
    public int length() {
        return labels.length;
    }

    public int[] last() {
        return states.get(states.size() - 1);
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }
}
