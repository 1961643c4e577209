package org.uffdcheck.engine;

/**
 * A model lowered to states and steps. A state is a flat int vector of fixed length; the explorer
 * knows nothing else about it.
 */
public interface TransitionSystem {
    /** Number of ints in every state vector. */
    int stateSize();

    /** Writes the single initial state into out (length stateSize()). */
    void initialState(int[] out);

    /**
     * A successor generator with its own scratch space; each exploring thread takes its own, so
     * generation needs no locking.
     */
    Stepper newStepper();

    /**
     * A reduction that renames states (symmetry) stores representatives, and a path rebuilt from
     * stored labels runs through them. This turns such a path into the run the model itself
     * takes: the same steps by the threads and on the objects they really are. labels is rewritten
     * in place to match. Without a renaming reduction the states come back as they are.
     */
    default java.util.List<int[]> concreteRun(java.util.List<int[]> states, int[] labels) {
        return states;
    }

    /**
     * The thread that moves along a successor with this label: liveness asks it to judge fairness.
     * A system with no threads is one thread.
     */
    default int moverOf(int label) {
        return 0;
    }

    /** How many threads moverOf may name. */
    default int movers() {
        return 1;
    }

    /**
     * A stepper that also names the observation of each step (Stepper.observation). Kept apart from
     * newStepper so that a search that asks for none pays nothing for them.
     */
    default Stepper newObservingStepper() {
        return newStepper();
    }

    /** The observation an observing stepper's code stands for; code 0 (an internal step) has none. */
    default Observation observation(int code) {
        throw new IllegalArgumentException("this system makes no observations (code " + code + ")");
    }

    interface Stepper {
        /**
         * Calls sink once per successor of state, always in the same order for the same state.
         * Labels identify a successor among its siblings (no two siblings share one), so a trace
         * can be replayed from its labels. The vector passed to the sink is scratch: it is
         * overwritten after accept returns. Returns the number of successors.
         */
        int successors(int[] state, SuccessorSink sink);

        /**
         * During SuccessorSink.accept, the observation code of the step that made the successor
         * passed: 0 for an internal step, else a code TransitionSystem.observation turns back into
         * its Observation. Equal codes are equal observations. A stepper from newStepper answers 0.
         */
        default int observation() {
            return 0;
        }
    }

    @FunctionalInterface
    interface SuccessorSink {
        void accept(int[] next, int label);
    }
}
