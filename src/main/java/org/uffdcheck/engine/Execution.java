package org.uffdcheck.engine;

import java.util.List;

/**
 * A path through the state space: states.get(0) is the initial state and labels[i] is the
 * successor label that leads from states.get(i) to states.get(i + 1).
 */
public record Execution(List<int[]> states, int[] labels) {
    public Execution {
        states = List.copyOf(states);
        labels = labels.clone();
        if (states.size() != labels.length + 1) {
            throw new IllegalArgumentException(
                    states.size() + " states do not fit " + labels.length + " labels");
        }
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
