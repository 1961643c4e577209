package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.engine.Observation;

/**
 * Numbers the distinct observations of one scenario from 1, in the order steppers first make them,
 * so a search compares and stores an int per step. Shared by the steppers of all exploring
 * threads, hence synchronized; only observing steppers come here, never a plain check.
 */
final class ObservationTable {
    private final String[] threadNames;
    private final Map<Observation, Integer> codes = new HashMap<>();
    private final List<Observation> byCode = new ArrayList<>();

    ObservationTable(String[] threadNames) { this.threadNames = threadNames; }

    /**
     * The code of thread t making op's observation with these values (scratch, first n used). Two
     * observes of one name share codes: the checker made their arguments agree.
     */
    synchronized int intern(int t, ObserveOp op, int[] values, int n) {
        String[] shown = new String[n];
        for (int i = 0; i < n; i++) shown[i] = op.show(i, values[i]);
        Observation o = new Observation(threadNames[t], op.name, Arrays.asList(shown));
        Integer code = codes.get(o);
        if (code != null) return code;
        byCode.add(o);
        codes.put(o, byCode.size());
        return byCode.size();
    }

    synchronized Observation get(int code) {
        if (code <= 0 || code > byCode.size()) throw new IllegalArgumentException("no observation has code " + code);
        return byCode.get(code - 1);
    }
}
