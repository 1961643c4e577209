package org.uffdcheck.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.trace.Counterexample;
import org.uffdcheck.trace.RaceDiagram;

/**
 * A comparison's result for people: sizes per side, the common observations, what tells the sides
 * apart there, and each side's run as a race diagram (the trace package's renderers: a run is
 * shown as a counterexample of kind DIFFERENCE).
 */
public final class DiffReport {
    /** "old" and "new": the two sides, in the order given. */
    public static final String[] SIDES = {"old", "new"};

    private DiffReport() {}

    /** One line per side: how big its graph is, or how far its build got before it stopped. */
    public static List<String> sizes(ScenarioDiff.Result r, String[] labels) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ScenarioDiff.Side s = r.sides()[i];
            String what;
            if (s.graph() == null) {
                what = "not explored";
            } else if (s.lts() == null) {
                what = String.format(Locale.ROOT, "stopped (%s) after %d states, %d steps, depth %d, %.1f s",
                        stopWords(s.graph().stop()), s.graph().states(), s.graph().edges(), s.graph().depth(), s.seconds());
            } else {
                what = String.format(Locale.ROOT, "%d states, %d steps, %d after internal steps are compressed, %.1f s",
                        s.lts().states(), s.lts().edges(), s.compressed().quotient.states(), s.seconds());
            }
            out.add(String.format("%-4s %s: %s", SIDES[i], labels[i], what));
        }
        Outcome o = r.outcome();
        if (o != null) {
            out.add(String.format(Locale.ROOT, "compared: %d pair%s of macrostates (%d macrostates), observable traces up to %d long, %.1f s",
                    o.pairs(), o.pairs() == 1 ? "" : "s", o.macrostates(), o.depth(), r.compareSeconds()));
        }
        return out;
    }

    /** Why a side's build stopped, for the verdict line: "old: --max-states". */
    public static String stopReason(ScenarioDiff.Result r) {
        for (int i = 0; i < 2; i++) {
            ObservedGraph g = r.sides()[i].graph();
            if (g != null && g.stop() != ObservedGraph.Stop.NONE) return SIDES[i] + ": " + stopWords(g.stop());
        }
        return "stopped";
    }

    private static String stopWords(ObservedGraph.Stop s) {
        return switch (s) {
            case STATES -> "--max-states";
            case DEPTH -> "--max-depth";
            case MEMORY -> "the Java heap is full";
            case INTERRUPTED -> "interrupted";
            case NONE -> "not stopped";
        };
    }

    /** What tells the sides apart, in words: the lines after the verdict. */
    public static List<String> difference(ScenarioDiff.Result r) {
        Difference d = r.outcome().difference();
        Alphabet a = r.alphabet();
        String me = SIDES[d.side()];
        String other = SIDES[1 - d.side()];
        List<String> out = new ArrayList<>();
        if (d.trace().length == 0) {
            out.add("at the start, before any observation:");
        } else {
            out.add("after the same " + d.trace().length + " observation" + (d.trace().length == 1 ? "" : "s") + " on both sides:");
            for (int i = 0; i < d.trace().length; i++) out.add(String.format("  %2d. %s", i + 1, a.show(d.trace()[i])));
        }
        if (d.kind() == Difference.Kind.TRACE) {
            out.add(me + " can observe next: " + a.show(d.label()));
            out.add(other + " cannot; it can observe instead: " + offer(a, d.otherNext()));
        } else {
            out.add(me + " can come to rest " + (d.stableOffer().length == 0 ? "with nothing to observe: it blocks or ends for ever"
                    : "offering only: " + offer(a, d.stableOffer())));
            List<String> others = new ArrayList<>();
            for (int[] o : d.otherOffers()) others.add("{" + offer(a, o) + "}");
            out.add(other + " cannot: wherever it comes to rest it offers at least " + String.join(" or ", others));
        }
        return out;
    }

    private static String offer(Alphabet a, int[] labels) {
        return labels.length == 0 ? "nothing (every run has ended or blocks for ever)" : String.join("; ", a.show(labels));
    }

    /** Each side's run as a counterexample of kind DIFFERENCE, the side that shows the difference first. */
    public static List<Counterexample> runs(ScenarioDiff.Result r) {
        Difference d = r.outcome().difference();
        List<Counterexample> out = new ArrayList<>();
        for (ScenarioDiff.SideRun run : r.runs()) {
            CompiledScenario cs = (CompiledScenario) r.sides()[run.side()].system();
            String why = run.side() == d.side()
                    ? SIDES[run.side()] + (d.kind() == Difference.Kind.TRACE ? " observes " + r.alphabet().show(d.label())
                            + ", which " + SIDES[1 - run.side()] + " cannot after the same observations"
                            : " comes to rest " + (d.stableOffer().length == 0 ? "for ever" : "offering only "
                            + String.join("; ", r.alphabet().show(d.stableOffer()))) + ", which " + SIDES[1 - run.side()] + " cannot")
                    : SIDES[run.side()] + " makes the same observations up to here, where " + SIDES[d.side()] + " differs";
            out.add(Counterexample.difference(cs, why, run.execution()));
        }
        return out;
    }

    /** The runs as race diagrams, each with the observations of its steps under it. */
    public static String diagrams(ScenarioDiff.Result r, boolean full) {
        StringBuilder sb = new StringBuilder();
        List<Counterexample> cxs = runs(r);
        for (int i = 0; i < cxs.size(); i++) {
            ScenarioDiff.SideRun run = r.runs().get(i);
            Counterexample cx = cxs.get(i);
            sb.append('\n').append("run of ").append(SIDES[run.side()]).append(" (").append(cx.modelFile())
                    .append(", scenario ").append(cx.scenario().info().name()).append("), ");
            if (run.execution().length() == 0) {
                sb.append("no step: the difference is at the start\n");
                continue;
            }
            sb.append(run.execution().length()).append(" steps:\n");
            sb.append(RaceDiagram.render(cx, full));
            sb.append("observations of this run:");
            int k = 0;
            for (int s = 0; s < run.observations().length; s++) {
                if (run.observations()[s] == Lts.INTERNAL) continue;
                k++;
                sb.append("\n").append(String.format("  step %d: %s", s + 1, r.alphabet().show(run.observations()[s])));
            }
            sb.append(k == 0 ? " none\n" : "\n");
        }
        return sb.toString();
    }
}
