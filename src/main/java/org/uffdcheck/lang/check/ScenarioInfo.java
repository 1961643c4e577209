package org.uffdcheck.lang.check;

import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.Span;

/**
 * A checked scenario: threads to start, properties to check and the verdict the author expects.
 * injects maps each kind of failure the scenario lets happen to how many times it may, in order.
 * fairness says which runs count for its eventually and leadsto properties (weak unless it says).
 */
public record ScenarioInfo(
        String name,
        Span span,
        List<ThreadStart> threads,
        ProcInfo init,
        List<String> checks,
        List<String> kills,
        Map<String, Integer> injects,
        Expectation expect,
        long maxStates,
        int maxDepth,
        org.uffdcheck.engine.Fairness fairness) {

    /** A thread named as the scenario names it, running proc with constant arguments. */
    public record ThreadStart(String name, ProcInfo proc, int[] args, Span span) {}

    /** holds, or a violation of the named property ("deadlock" for a deadlock). */
    public record Expectation(boolean holds, String property) {
        public String show() { return holds ? "holds" : "violation " + property; }
    }
}
