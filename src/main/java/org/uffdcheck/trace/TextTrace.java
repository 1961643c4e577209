package org.uffdcheck.trace;

import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;
import org.uffdcheck.engine.Execution;

/**
 * A counterexample as numbered steps: who moved, where in the model, the statement, and what it
 * changed; then the state in which the property fails.
 */
public final class TextTrace {
    private TextTrace() {}

    public static String render(CompiledScenario cs, Execution trace) {
        Describer d = cs.describer();
        int threadWidth = 6;
        for (int t = 0; t < cs.threadCount(); t++) threadWidth = Math.max(threadWidth, cs.threadName(t).length());
        StringBuilder sb = new StringBuilder();
        List<int[]> states = trace.states();
        int[] labels = trace.labels();
        int numWidth = Integer.toString(labels.length).length();
        for (int i = 0; i < labels.length; i++) {
            Describer.Step st = d.step(states.get(i), labels[i], states.get(i + 1));
            sb.append(String.format("  %" + numWidth + "d  %-" + threadWidth + "s  %s  %s: %s%n",
                    i + 1, st.threadName(), st.location(), st.proc(), st.statement()));
            String pad = " ".repeat(numWidth + threadWidth + 6);
            for (String c : st.changes()) sb.append(pad).append(c).append('\n');
            if (st.fault() != null) sb.append(pad).append("FAULT ").append(st.faultText()).append('\n');
        }
        return sb.toString();
    }

    /** The globals and every thread's position in a state. */
    public static String state(CompiledScenario cs, int[] s) {
        StringBuilder sb = new StringBuilder();
        for (String line : cs.describer().state(s)) sb.append("    ").append(line).append('\n');
        return sb.toString();
    }
}
