package org.uffdcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.uffdcheck.compile.CompiledScenario;
import java.util.List;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.engine.Witness;
import org.uffdcheck.explore.Progress;
import org.uffdcheck.state.MemoryBudget;
import org.uffdcheck.trace.Counterexample;
import org.uffdcheck.trace.RaceDiagram;
import org.uffdcheck.trace.TextTrace;

/** What check prints for one scenario: verdict, counterexample and statistics. */
final class Report {
    private Report() {}

    /** How a counterexample is shown. */
    enum Style {
        /** Race diagram, steps no other thread can see folded. */
        DIAGRAM,
        /** Race diagram with every step. */
        DIAGRAM_FULL,
        /** Numbered steps, one line each, with every change. */
        LIST
    }

    static void print(PrintWriter out, CompiledScenario cs, ExploreResult r) { print(out, cs, r, Style.DIAGRAM); }

    static void print(PrintWriter out, CompiledScenario cs, ExploreResult r, Style style) {
        var expect = cs.info().expect();
        boolean ok = ModelRunner.matches(expect, r);
        out.printf("scenario %s: %s (expected %s%s)%n", cs.info().name(), ModelRunner.verdict(r), expect.show(),
                ok ? "" : ", DIFFERS");
        if (r.status() == ExploreResult.Status.VIOLATION) {
            List<Violation> all = violations(r);
            for (Violation v : all) {
                if (all.size() > 1) out.printf("  -- violation %s%n", v.id().show());
                violation(out, cs, v.id(), v.trace(), style);
            }
        }
        String more = r.status() == ExploreResult.Status.BOUND_REACHED ? memoryAdvice(r.bound()) : null;
        if (more != null) {
            out.printf("  bound hit: memory: %s, or shrink the state space (--symmetry, --merge-local, --bitstate)%n",
                    more);
        }
        for (Witness w : r.witnesses()) {
            if (w.found()) out.printf("  reachable %s: reached in %d steps%n", w.name(), w.trace().length());
        }
        out.println("  " + stats(r.stats()));
    }

    /** Every violation found: the list --all collects, or the one the search stopped at. */
    static List<Violation> violations(ExploreResult r) {
        if (!r.violations().isEmpty()) return r.violations();
        return r.violated() ? List.of(new Violation(PropertyId.named(r.property()), r.trace())) : List.of();
    }

    private static void violation(PrintWriter out, CompiledScenario cs, PropertyId property, Execution trace, Style style) {
        if (trace == null) {
            out.printf("  %s: %s%n", property.name(), ExploreResult.NEVER_REACHED);
            return;
        }
        Counterexample cx = Counterexample.of(cs, property, trace);
        out.printf("  %s: %s%n", property.name(), cx.explanation());
        out.printf("  counterexample, %d step%s:%n", trace.length(), trace.length() == 1 ? "" : "s");
        if (style == Style.LIST) {
            out.print(TextTrace.render(cs, trace));
            if (trace.lasso()) {
                out.println(trace.loop() == trace.length() ? "  -- the run ends here and stays for ever --"
                        : "  -- cycle: steps " + (trace.loop() + 1) + "-" + trace.length() + " repeat for ever --");
            }
            out.println("  state at the end:");
            out.print(TextTrace.state(cs, trace.last()));
        } else {
            out.println();
            out.print(RaceDiagram.render(cx, style == Style.DIAGRAM_FULL));
            out.println();
        }
    }

    static String stats(Stats s) {
        return String.format(Locale.ROOT,
                "%,d states, %,d transitions, depth %d, %.2f s, %,.0f states/s, %.1f bytes/state in the store, "
                        + "collision probability %.1e",
                s.states(), s.transitions(), s.depth(), s.seconds(), s.statesPerSecond(), s.bytesPerState(),
                s.collisionProbability());
    }

    /** How a bound reads in a verdict: "max-states 10", "memory 300 MiB". */
    static String show(Bound b) {
        return switch (b.kind()) {
            case STATES -> "max-states " + b.limit();
            case STATE_IDS -> "state-id limit";
            case DEPTH -> "max-depth " + b.limit();
            case TIME -> "time-limit " + b.limit();
            case MEMORY -> "memory " + b.limit();
            case HEAP -> "memory: Java heap of " + b.limit() + " full";
            case DISK -> "disk: " + b.limit();
        };
    }

    /** What to do about a search that ran out of memory; null for the other bounds. */
    private static String memoryAdvice(Bound b) {
        return switch (b.kind()) {
            case MEMORY -> "the search reached its budget of " + b.limit() + "; give it more with --max-memory SIZE";
            case HEAP -> "the Java heap is full; give the JVM more with UFFDCHECK_JAVA_OPTS=-Xmx8g (say)";
            case STATES, STATE_IDS, DEPTH, TIME, DISK -> null;
        };
    }

    static String progress(Progress p) {
        String line = String.format(Locale.ROOT,
                "... %,d states, %,d transitions, depth %d, %,d queued, %.0f s, %,.0f states/s, memory %s of %s",
                p.states(), p.transitions(), p.depth(), p.queued(), p.seconds(),
                p.seconds() > 0 ? p.states() / p.seconds() : 0.0,
                MemoryBudget.format(p.memory()), MemoryBudget.format(p.memoryLimit()));
        if (p.looksUnbounded()) {
            // Thousands of levels of a few states each: a counter that only grows looks like this.
            line += "; warning: depth keeps growing while the frontier stays small, the state space may be unbounded";
        }
        return line;
    }
}
