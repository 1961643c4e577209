package org.uffdcheck.trace;

import java.util.List;

/**
 * One step of a counterexample with everything the renderers show: who moved (thread index and
 * name), the procedure, where (file, line), the statement, what changed, what mattered (effects),
 * and the fault it ran into if any. number counts from 1; the step leads from state number-1 to
 * state number. shared is true when the step changed a global, so that other threads can see it.
 */
public record TraceStep(int number, int thread, String threadName, String proc, String file, int line,
                        String statement, List<String> changes, List<Effect> effects, String fault, boolean shared) {
    public TraceStep {
        changes = List.copyOf(changes);
        effects = List.copyOf(effects);
    }

    /** "file:line". */
    public String location() { return file + ":" + line; }

    /** Whether the race diagram may fold this step into a run of the same thread's steps. */
    boolean foldable() { return !shared && effects.isEmpty() && fault == null; }
}
