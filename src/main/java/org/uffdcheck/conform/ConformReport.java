package org.uffdcheck.conform;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.trace.Counterexample;
import org.uffdcheck.trace.RaceDiagram;

/** A conformance result for people: the verdict, and for a refutation the run that got furthest. */
public final class ConformReport {
    private ConformReport() {}

    public static String render(CompiledScenario cs, Recording rec, ConformResult r) {
        int n = rec.size();
        String searched = String.format("%,d states searched", r.states());
        if (r instanceof ConformResult.Conforms) {
            return String.format("conforms: the model makes all %d observations of %s (%s)%n", n, rec.source(), searched);
        }
        if (r instanceof ConformResult.BoundReached b) {
            return String.format("bound reached: %s (limit %,d); the model matched %d of %d observations of %s so far%n",
                    searched, b.limit(), b.matched(), n, rec.source());
        }
        ConformResult.Refuted f = (ConformResult.Refuted) r;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("does not conform: the model matches %d of %d observations of %s (%s)%n",
                f.matched(), n, rec.source(), searched));
        String why;
        if (f.unmatched() != null) {
            why = "no run of the model can then observe " + f.unmatched();
            sb.append(String.format("  first observation the model cannot make: #%d (%s:%d) %s%n", f.matched() + 1,
                    rec.source(), rec.lines().get(f.matched()), f.unmatched()));
        } else {
            why = f.rest();
            sb.append("  after the last observation, ").append(f.rest()).append('\n');
        }
        sb.append("  the model could observe there instead: ");
        sb.append(f.instead().isEmpty() ? "nothing" : String.join("; ", shown(f.instead()))).append('\n');
        sb.append("  the shortest run of the model that matches the prefix:\n\n");
        sb.append(RaceDiagram.render(Counterexample.ofRun(cs, "conforms", why, f.prefix()), false));
        sb.append("observations along it:\n");
        sb.append(along(f.observedAt(), Observed.steps(cs, f.prefix())));
        return sb.toString();
    }

    private static List<String> shown(Iterable<Observation> obs) {
        List<String> out = new ArrayList<>();
        for (Observation o : obs) out.add(o.toString());
        return out;
    }

    private static String along(List<Integer> at, List<Observation> per) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < at.size(); k++) {
            int step = at.get(k);
            sb.append(String.format("  #%d at step %d: %s%n", k + 1, step + 1, per.get(step)));
        }
        if (at.isEmpty()) sb.append("  none\n");
        return sb.toString();
    }
}
