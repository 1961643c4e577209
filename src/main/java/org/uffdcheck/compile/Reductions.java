package org.uffdcheck.compile;

/**
 * The reductions a scenario is compiled with, fixed for its life: a search and the replay of its
 * counterexample must step the same transition system.
 *
 * @param mergeLocal a statement that touches only its thread's own frame runs as part of the step
 *                   before it. Same verdicts, fewer states; traces skip those statements.
 * @param symmetry   interchangeable threads and objects of one pool are renamed into a
 *                   representative before a state is stored (see Symmetry). Same verdicts and
 *                   trace lengths, fewer states; traces are renamed back, so they show the run as
 *                   the model takes it.
 */
public record Reductions(boolean mergeLocal, boolean symmetry) {
    public static final Reductions NONE = new Reductions(false, false);
    public static final Reductions MERGE_LOCAL = new Reductions(true, false);
    public static final Reductions SYMMETRY = new Reductions(false, true);
}
