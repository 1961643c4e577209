package org.uffdcheck.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.engine.Observation;

/**
 * The observations of the two systems compared, numbered once for both: each system numbers its
 * own, and equal observations must get equal labels on both sides. Label 0 is the internal step.
 */
public final class Alphabet {
    private final Map<Observation, Integer> labels = new HashMap<>();
    private final List<Observation> observations = new ArrayList<>();

    public Alphabet() {
        observations.add(null);
    }

    public int label(Observation o) {
        Integer l = labels.get(o);
        if (l != null) return l;
        labels.put(o, observations.size());
        observations.add(o);
        return observations.size() - 1;
    }

    /** How many distinct observations the systems made. */
    public int size() {
        return observations.size() - 1;
    }

    public Observation observation(int label) {
        return observations.get(label);
    }

    public String show(int label) {
        return label == Lts.INTERNAL ? "(internal)" : observations.get(label).toString();
    }

    public List<String> show(int[] labels) {
        List<String> out = new ArrayList<>();
        for (int l : labels) out.add(show(l));
        return out;
    }
}
