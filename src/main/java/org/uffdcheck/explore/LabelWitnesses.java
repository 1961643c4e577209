package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.engine.Witness;

/**
 * The first witness of each reachability property for a search that knows the labels of the path
 * to the current state (DFS, simulation); BFS keeps shortest ones in Findings instead. A path is
 * copied only when it witnesses something, so the per-state cost is one counter test once every
 * property is reached.
 */
final class LabelWitnesses {
    private final StateChecks checks;
    private final int[][] paths;
    private int unreached;

    LabelWitnesses(StateChecks checks) {
        this.checks = checks;
        this.paths = new int[checks.reachableCount()][];
        this.unreached = paths.length;
    }

    boolean pending() {
        return unreached > 0;
    }

    /** state is reached by labels[0..len). */
    void note(int[] state, int[] labels, int len) {
        note(state, labels, len, false, 0);
    }

    /** state is reached by labels[0..len) and then last. */
    void note(int[] state, int[] labels, int len, int last) {
        note(state, labels, len, true, last);
    }

    private void note(int[] state, int[] labels, int len, boolean more, int last) {
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] == null && checks.reached(i, state)) {
                int[] p = Arrays.copyOf(labels, more ? len + 1 : len);
                if (more) p[len] = last;
                paths[i] = p;
                unreached--;
            }
        }
    }

    List<Witness> build(TransitionSystem ts) {
        List<Witness> witnesses = new ArrayList<>(paths.length);
        for (int i = 0; i < paths.length; i++) {
            Execution w = paths[i] != null ? PathRebuilder.fromLabels(ts, paths[i]) : null;
            witnesses.add(new Witness(checks.reachable(i), w));
        }
        return witnesses;
    }
}
