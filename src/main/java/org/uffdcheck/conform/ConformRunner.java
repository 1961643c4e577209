package org.uffdcheck.conform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Runs a scenario's op script on the kernel several times and judges each distinct recording once
 * against the model. A run the harness could not complete (set-up error, crash, timeout) is
 * counted as failed, never as conforming or refuted.
 */
public final class ConformRunner {
    private final HarnessRun harness;
    private final Judge judge;
    private final int runs;

    public ConformRunner(HarnessRun harness, Judge judge, int runs) {
        this.harness = harness;
        this.judge = judge;
        this.runs = runs;
    }

    /** Judges recordings of one scenario. */
    public interface Judge {
        /** Whether the model has a run that observes the recording, with the report when not. */
        Verdict judge(CheckedModel model, ScenarioInfo scenario, HarnessOutput recording);

        /** Which observations the model allows, and which of those none of the recordings showed. */
        Coverage coverage(CheckedModel model, ScenarioInfo scenario, List<HarnessOutput> recordings);

        /** UNDECIDED: the check hit its state bound. */
        record Verdict(Kind kind, String report) {
            public enum Kind { CONFORMS, REFUTED, UNDECIDED }

            public boolean conforms() { return kind == Kind.CONFORMS; }
        }
    }

    /** One recording seen in some runs, and what the judge said of it (null when the run failed). */
    public record Seen(HarnessOutput recording, int times, Judge.Verdict verdict) {}

    /** A scenario's line of the table. */
    /** failed: runs the harness could not complete; undecided: runs the check could not decide. */
    public record Result(String file, String scenario, int runs, int conforming, int refuted, int failed, int undecided,
                         List<Seen> distinct, Coverage coverage, double seconds, OpScript script) {
        public boolean ok() { return refuted == 0 && failed == 0 && undecided == 0; }

        /** seen/possible observations, + when the model's exploration for them hit its bound. */
        public String coverageText() {
            if (coverage == null) return "-";
            int possible = coverage.possible().size();
            return (possible - coverage.unseen().size()) + "/" + possible + (coverage.complete() ? "" : "+");
        }
    }

    /** Throws Unavailable when the kernel cannot run userfaultfd (the first run tells). */
    public Result run(String file, CheckedModel model, ScenarioInfo scenario, OpScript script, Consumer<String> progress)
            throws HarnessBuild.Unavailable, IOException, InterruptedException {
        long t0 = System.nanoTime();
        Map<String, Seen> seen = new LinkedHashMap<>();
        int conforming = 0, refuted = 0, failed = 0, undecided = 0;
        for (int i = 0; i < runs; i++) {
            HarnessOutput r = harness.run(script);
            if (r.unavailable() != null) throw new HarnessBuild.Unavailable(r.unavailable());
            Seen s = seen.get(r.key() + (r.failed() ? "\nfailed " + r.errors() : ""));
            Judge.Verdict v = s != null ? s.verdict() : r.failed() ? null : judge.judge(model, scenario, r);
            seen.put(r.key() + (r.failed() ? "\nfailed " + r.errors() : ""), new Seen(r, s == null ? 1 : s.times() + 1, v));
            if (v == null) failed++;
            else if (v.kind() == Judge.Verdict.Kind.CONFORMS) conforming++;
            else if (v.kind() == Judge.Verdict.Kind.REFUTED) refuted++;
            else undecided++;
            if (progress != null) progress.accept(scenario.name() + " run " + (i + 1) + "/" + runs);
        }
        List<HarnessOutput> ok = new ArrayList<>();
        for (Seen s : seen.values()) if (s.verdict() != null) ok.add(s.recording());
        Coverage coverage = ok.isEmpty() ? null : judge.coverage(model, scenario, ok);
        return new Result(file, scenario.name(), runs, conforming, refuted, failed, undecided, List.copyOf(seen.values()), coverage,
                (System.nanoTime() - t0) / 1e9, script);
    }
}
