package org.uffdcheck.compile;

import java.util.Arrays;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Builds the initial state: runs the global initialisers and the scenario's init block to the end
 * as one more thread, then places every scenario thread at the start of its procedure.
 */
final class InitRunner {
    private static final int STEP_LIMIT = 1_000_000;

    private InitRunner() {}

    static int[] run(Code code, Layout layout, ScenarioInfo scenario, Diagnostics diags) {
        int threads = scenario.threads().size();
        int[] s = new int[layout.initStateSize];
        int tb = layout.initBase;
        s[tb] = layout.proc(scenario.init()).entry;
        SuccessorGenerator generator = new SuccessorGenerator(code, layout, threads + 1, s.length, null, false, null, null);
        // The start state is no step: a thread placed before an observe rests there.
        generator.starting = true;
        Op[] ops = code.ops;
        int steps = 0;
        try {
            generator.settle(s, threads, tb);
            while (s[tb] != 0) {
                Op op = ops[s[tb]];
                int frame = tb + Layout.HDR + s[tb + 1];
                int n = op.choices(s, threads, tb, frame);
                if (n != 1 || !op.exec(s, threads, tb, frame, 0)) {
                    fail(diags, op, n == 0 || n == 1 ? "the init code blocks here" : "the init code must be deterministic");
                    return null;
                }
                generator.settle(s, threads, tb);
                if (++steps > STEP_LIMIT) {
                    fail(diags, op, "the init code does not finish");
                    return null;
                }
            }
            // Set only now, so that the init code, which builds the start and is no path, never fails.
            int k = 0;
            for (int max : scenario.injects().values()) s[layout.injectBase + k++] = max;
            for (int t = 0; t < threads; t++) {
                ScenarioInfo.ThreadStart start = scenario.threads().get(t);
                Layout.ProcLayout pl = layout.proc(start.proc());
                int base = layout.threadBase[t];
                s[base] = pl.entry;
                if (scenario.kills().contains(start.name())) s[base + Layout.SIGNAL] = Layout.SIG_ALLOWED;
                for (int i = 0; i < start.args().length; i++) s[base + Layout.HDR + pl.varOffset[i]] = start.args()[i];
                generator.settle(s, t, base);
            }
        } catch (FaultException e) {
            diags.error(scenario.span(), "building the initial state of " + scenario.name() + ": " + e.fault.description);
            return null;
        } catch (ArithmeticException e) {
            diags.error(scenario.span(), "building the initial state of " + scenario.name() + ": " + e.getMessage());
            return null;
        }
        return Arrays.copyOf(s, layout.stateSize);
    }

    private static void fail(Diagnostics diags, Op op, String why) {
        Span span = op.span;
        diags.error(span, why);
    }
}
