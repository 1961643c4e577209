package org.uffdcheck.conform;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.engine.TransitionSystem;

/** The observations along a run of a model, found again by stepping it with an observing stepper. */
final class Observed {
    private Observed() {}

    /** Per step of run, its observation, or null for an internal step. */
    static List<Observation> steps(TransitionSystem ts, Execution run) {
        TransitionSystem.Stepper st = ts.newObservingStepper();
        List<Observation> out = new ArrayList<>();
        int[] labels = run.labels();
        for (int i = 0; i < labels.length; i++) {
            int want = labels[i];
            int[] code = {-1};
            st.successors(run.states().get(i), (next, l) -> {
                if (l == want) code[0] = st.observation();
            });
            if (code[0] < 0) throw new IllegalStateException("step " + (i + 1) + " of the run is not a step of the model");
            out.add(code[0] == 0 ? null : ts.observation(code[0]));
        }
        return out;
    }

    /** The steps (0-based) of run that observed, in order. */
    static List<Integer> along(TransitionSystem ts, Execution run) {
        List<Observation> per = steps(ts, run);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < per.size(); i++) if (per.get(i) != null) at.add(i);
        return at;
    }
}
