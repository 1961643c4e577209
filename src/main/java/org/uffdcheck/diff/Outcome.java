package org.uffdcheck.diff;

/**
 * What a comparison found. pairs counts the pairs of macrostates (the sets of collapsed states
 * each side can be in after a common trace) it explored; depth is the longest common trace it
 * followed. BOUND: a limit on pairs or trace length came first, and no difference was found
 * within it.
 */
public record Outcome(Status status, Difference difference, long pairs, long macrostates, int depth, String bound) {
    public enum Status { SAME, DIFFERENT, BOUND }
}
