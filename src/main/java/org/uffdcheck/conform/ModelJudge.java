package org.uffdcheck.conform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Judges harness runs with the check (Conformance): a run conforms when the model has a run with
 * the same observations that can then rest as the harness's run ended: every thread the harness saw
 * return finished, every thread it reports blocked unfinished, and nothing left to observe. Threads
 * it reports killed or gone are silent: their process is gone, so nothing they do can be seen.
 */
public final class ModelJudge implements ConformRunner.Judge {
    private final long maxStates;
    private final Map<ScenarioInfo, CompiledScenario> compiled = new IdentityHashMap<>();

    public ModelJudge(long maxStates) {
        this.maxStates = maxStates;
    }

    private CompiledScenario compiled(CheckedModel model, ScenarioInfo scenario) {
        // Unreduced: an observation names the thread that really moved.
        return compiled.computeIfAbsent(scenario, s -> Compiler.compile(model, s, Reductions.NONE));
    }

    static Recording recording(ScenarioInfo scenario, HarnessOutput out) {
        List<Observation> obs = new ArrayList<>();
        for (HarnessOutput.Recorded r : out.observations()) obs.add(r.observation());
        return Recording.of(scenario.name() + " (a run)", obs);
    }

    static Set<String> mustFinish(ScenarioInfo scenario, HarnessOutput out) {
        Set<String> must = new HashSet<>();
        for (ScenarioInfo.ThreadStart t : scenario.threads()) must.add(t.name());
        for (HarnessOutput.Blocked b : out.blocked()) must.remove(b.thread());
        out.killed().forEach(must::remove);
        out.gone().forEach(must::remove);
        return must;
    }

    static Set<String> blocked(HarnessOutput out) {
        Set<String> b = new HashSet<>();
        for (HarnessOutput.Blocked x : out.blocked()) b.add(x.thread());
        return b;
    }

    static Set<String> silent(HarnessOutput out) {
        Set<String> s = new HashSet<>(out.killed());
        s.addAll(out.gone());
        return s;
    }

    @Override
    public Verdict judge(CheckedModel model, ScenarioInfo scenario, HarnessOutput out) {
        CompiledScenario cs = compiled(model, scenario);
        Recording rec = recording(scenario, out);
        ConformResult r = Conformance.check(cs, rec, new Conformance.Options(maxStates, mustFinish(scenario, out),
                blocked(out), silent(out)));
        if (r instanceof ConformResult.Conforms) return new Verdict(Verdict.Kind.CONFORMS, "");
        Verdict.Kind kind = r instanceof ConformResult.Refuted ? Verdict.Kind.REFUTED : Verdict.Kind.UNDECIDED;
        return new Verdict(kind, ConformReport.render(cs, rec, r));
    }

    @Override
    public Coverage coverage(CheckedModel model, ScenarioInfo scenario, List<HarnessOutput> runs) {
        List<Recording> recs = new ArrayList<>();
        for (HarnessOutput o : runs) recs.add(recording(scenario, o));
        return Coverage.of(compiled(model, scenario), recs, maxStates);
    }
}
