package org.uffdcheck.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.state.Fingerprint;

/**
 * Compares two transition systems of one scenario, the interpreter's and the generated code's,
 * state by state over a breadth-first search of the first: every state's successors must come in
 * the same order, under the same labels, as the same vectors (so with the same fingerprints and
 * the same faults, which a vector's error slot records).
 */
public final class EngineIdentity {
    private EngineIdentity() {}

    /** A successor as a stepper emitted it, with the code of the observation its step made. */
    private record Succ(int label, int[] state, long fingerprint, int observation) {}

    /**
     * Null when the two scenarios' steppers agree on the first maxStates states, and, where the
     * scenario observes, their observing steppers too (the same observation codes); else what differs.
     */
    public static String firstDifference(CompiledScenario reference, CompiledScenario other, int maxStates) {
        String plain = firstDifference(reference, other, maxStates, false);
        if (plain != null) return plain;
        for (Op op : reference.code.ops) {
            if (op instanceof ObserveOp) return firstDifference(reference, other, maxStates, true);
        }
        return null;
    }

    /** Null when the two agree on the first maxStates states the search expands, else what differs. */
    public static String firstDifference(TransitionSystem reference, TransitionSystem other, int maxStates, boolean observing) {
        if (reference.stateSize() != other.stateSize()) return "state sizes differ";
        int[] init = new int[reference.stateSize()], init2 = new int[other.stateSize()];
        reference.initialState(init);
        other.initialState(init2);
        if (!Arrays.equals(init, init2)) return "initial states differ";
        TransitionSystem.Stepper a = observing ? reference.newObservingStepper() : reference.newStepper();
        TransitionSystem.Stepper b = observing ? other.newObservingStepper() : other.newStepper();
        Set<List<Integer>> seen = new HashSet<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        seen.add(Sem.box(init));
        queue.add(init);
        int expanded = 0;
        while (!queue.isEmpty() && expanded < maxStates) {
            int[] s = queue.poll();
            expanded++;
            List<Succ> x = new ArrayList<>(), y = new ArrayList<>();
            int nx = a.successors(s, (next, label) -> x.add(new Succ(label, next.clone(), Fingerprint.of(next), a.observation())));
            int ny = b.successors(s.clone(), (next, label) -> y.add(new Succ(label, next.clone(), Fingerprint.of(next),
                    b.observation())));
            String at = " from state " + Arrays.toString(s);
            if (nx != ny || x.size() != y.size()) return "successor counts " + nx + " and " + ny + at;
            for (int i = 0; i < x.size(); i++) {
                Succ p = x.get(i), q = y.get(i);
                if (p.label != q.label) return "successor " + i + ": labels " + p.label + " and " + q.label + at;
                if (p.observation != q.observation || p.observation > 0
                        && !reference.observation(p.observation).equals(other.observation(q.observation))) {
                    return "successor " + i + ": observations " + p.observation + " and " + q.observation + at;
                }
                if (!Arrays.equals(p.state, q.state) || p.fingerprint != q.fingerprint) {
                    return "successor " + i + ": " + Arrays.toString(p.state) + " and " + Arrays.toString(q.state) + at;
                }
                if (seen.add(Sem.box(p.state))) queue.add(p.state);
            }
        }
        return null;
    }
}
