package org.uffdcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.explore.ExploreResult;
import org.uffdcheck.explore.Progress;
import org.uffdcheck.explore.Stats;
import org.uffdcheck.explore.Witness;
import org.uffdcheck.lang.check.Fault;
import org.uffdcheck.trace.TextTrace;

/** What check prints for one scenario: verdict, counterexample and statistics. */
final class Report {
    private Report() {}

    static void print(PrintWriter out, CompiledScenario cs, ExploreResult r) {
        var expect = cs.info().expect();
        boolean ok = ModelRunner.matches(expect, r);
        out.printf("scenario %s: %s (expected %s%s)%n", cs.info().name(), ModelRunner.verdict(r), expect.show(),
                ok ? "" : ", DIFFERS");
        if (r.status() == ExploreResult.Status.VIOLATION) violation(out, cs, r);
        for (Witness w : r.witnesses()) {
            if (w.found()) out.printf("  reachable %s: reached in %d steps%n", w.name(), w.trace().length());
        }
        out.println("  " + stats(r.stats()));
    }

    private static void violation(PrintWriter out, CompiledScenario cs, ExploreResult r) {
        if (r.trace() == null) {
            out.printf("  %s: %s%n", r.property(), r.detail());
            return;
        }
        int[] last = r.trace().last();
        Fault f = cs.fault(last);
        String what = f != null ? f.kind + ": " + f.description + " at " + cs.faultSite(last)
                : r.property().equals(Fault.LEAK.property) ? Fault.LEAK.kind + ": " + Fault.LEAK.description
                : r.property().equals(ExploreResult.DEADLOCK) ? "no thread can move, and not every thread has finished"
                : "invariant " + r.property() + " is false";
        out.printf("  %s: %s%n", r.property(), what);
        out.printf("  counterexample, %d step%s:%n", r.trace().length(), r.trace().length() == 1 ? "" : "s");
        out.print(TextTrace.render(cs, r.trace()));
        out.println("  state at the end:");
        out.print(TextTrace.state(cs, last));
    }

    static String stats(Stats s) {
        return String.format(Locale.ROOT,
                "%,d states, %,d transitions, depth %d, %.2f s, %,.0f states/s, %.1f bytes/state in the store, "
                        + "collision probability %.1e",
                s.states(), s.transitions(), s.depth(), s.seconds(), s.statesPerSecond(), s.bytesPerState(),
                s.collisionProbability());
    }

    static String progress(Progress p) {
        return String.format(Locale.ROOT, "... %,d states, %,d transitions, depth %d, %,d queued, %.0f s, %,.0f states/s",
                p.states(), p.transitions(), p.depth(), p.queued(), p.seconds(),
                p.seconds() > 0 ? p.states() / p.seconds() : 0.0);
    }
}
