package org.uffdcheck.explore;

/**
 * A run that violates a liveness property, as states of a LiveGraph: edges[i] leads from
 * states[i] to states[i + 1]. From loopStart on the run repeats for ever: states[loopStart] is
 * also the last state, reached again by the cycle. When loopStart is the last index the cycle is
 * empty: the run ends there and stays for ever.
 */
record Lasso(int[] states, int[] edges, int loopStart) {
    Lasso {
        if (states.length != edges.length + 1 || loopStart < 0 || loopStart >= states.length
                || states[loopStart] != states[states.length - 1]) {
            throw new IllegalArgumentException("not a lasso");
        }
    }

    boolean ends() {
        return loopStart == states.length - 1;
    }
}
