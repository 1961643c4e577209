package org.uffdcheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.props.LassoCheck;
import org.uffdcheck.props.ScenarioChecks;

/**
 * Re-runs a recorded counterexample against a model as it is now, typically after an edit, to see
 * whether the same interleaving still breaks the property.
 *
 * An edited model has different program counters and line numbers, so steps are matched by what a
 * person would recognise: the thread's name and the statement text (whitespace ignored). Where
 * several steps of that thread match (atomic blocks and choices of values can), the one in the
 * same procedure is taken, then the one whose resulting state agrees with the recorded state on
 * the most globals both models have, then the one after which the thread's next statement agrees.
 * A matched step in a renamed procedure or producing different values is not a divergence; it is
 * reported as a note.
 */
public final class TraceReplay {
    /**
     * reproduced: every step matched and the last state violates the recorded property.
     * trace: the steps that matched, as a trace of the model replayed against.
     * divergedAt: the number of the first step that did not match, 0 if all did.
     */
    public record Outcome(boolean reproduced, Execution trace, int divergedAt, String verdict, List<String> notes) {}

    private final CompiledScenario cs;
    private final Describer d;
    private final JsonValues values;

    public TraceReplay(CompiledScenario cs) {
        this.cs = cs;
        this.d = cs.describer();
        this.values = new JsonValues(cs);
    }

    public Outcome replay(RecordedTrace rec) {
        int[] cur = new int[cs.stateSize()];
        cs.initialState(cur);
        List<int[]> states = new ArrayList<>();
        states.add(cur.clone());
        List<Integer> labels = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < rec.steps().size(); i++) {
            RecordedTrace.Step want = rec.steps().get(i);
            int t = threadIndex(want.thread());
            if (t < 0) {
                return diverged(states, labels, want, "this scenario has no thread named " + want.thread() + " (it has "
                        + String.join(", ", threadNames()) + ")", notes);
            }
            if (cs.fault(cur) != null) {
                return diverged(states, labels, want, "the model stopped one step earlier: " + cs.fault(cur).description
                        + " at " + cs.faultSite(cur), notes);
            }
            JsonNode expected = rec.states().get(i + 1);
            List<int[]> nexts = new ArrayList<>();
            List<Integer> nextLabels = new ArrayList<>();
            List<Describer.Step> described = new ArrayList<>();
            int[] from = cur;
            cs.newStepper().successors(cur, (next, label) -> {
                if (CompiledScenario.threadOfLabel(label) != t) return;
                nexts.add(next.clone());
                nextLabels.add(label);
                described.add(d.step(from, label, next));
            });
            int best = -1;
            int bestScore = -1;
            for (int k = 0; k < nexts.size(); k++) {
                Describer.Step st = described.get(k);
                if (!norm(st.statement()).equals(norm(want.statement()))) continue;
                int score = (st.proc().equals(want.proc()) ? 1 << 20 : 0)
                        + 2 * agreement(nexts.get(k), expected, rec.vars(), null)
                        + (sameNext(nexts.get(k), t, expected, want.thread()) ? 1 : 0);
                if (score > bestScore) {
                    best = k;
                    bestScore = score;
                }
            }
            if (best < 0) return diverged(states, labels, want, instead(cur, t, described), notes);
            cur = nexts.get(best);
            if (!described.get(best).proc().equals(want.proc())) {
                notes.add("step " + want.number() + " runs in " + described.get(best).proc() + ", the trace's in " + want.proc());
            }
            List<String> differ = new ArrayList<>();
            agreement(cur, expected, rec.vars(), differ);
            if (!differ.isEmpty()) notes.add("step " + want.number() + " leaves " + String.join(", ", differ));
            states.add(cur.clone());
            labels.add(nextLabels.get(best));
        }
        Execution trace = trace(states, labels);
        if (Counterexample.Kind.DIFFERENCE.json().equals(rec.kind())) {
            return new Outcome(true, trace, 0, "all " + rec.steps().size() + " steps of the diff's run replay", notes);
        }
        if (Counterexample.Kind.LIVENESS.json().equals(rec.kind())) return lasso(rec, states, labels, notes);
        PropertyId violated = new ScenarioChecks(cs).violated(cur, rec.property(), rec.fault());
        int n = rec.steps().size();
        if (violated == null) {
            return new Outcome(false, trace, 0, "all " + n + " steps replay, but the last state does not violate "
                    + rec.property() + ": " + stillHolds(cur, rec), notes);
        }
        return new Outcome(true, trace, 0, "all " + n + " steps replay and the last state violates " + rec.property()
                + ": " + Counterexample.of(cs, violated, trace).explanation(), notes);
    }

    /**
     * A lasso is confirmed only when its cycle closes, the property's goal fails along it as the
     * verdict says and the cycle is fair; the fairness is the trace's own, else the scenario's.
     */
    private Outcome lasso(RecordedTrace rec, List<int[]> states, List<Integer> labels, List<String> notes) {
        int n = rec.steps().size();
        Execution plain = trace(states, labels);
        int p = cs.livenessNames().indexOf(rec.property());
        if (p < 0) return new Outcome(false, plain, 0, "all " + n + " steps replay, but the model has no eventually or "
                + "leadsto property " + rec.property(), notes);
        if (rec.loop() == RecordedTrace.NO_LOOP) {
            return new Outcome(false, plain, 0, "all " + n + " steps replay, but the trace has no \"loop\": a liveness "
                    + "counterexample is a lasso", notes);
        }
        Fairness f = rec.fairness() == null ? cs.info().fairness() : Fairness.parse(rec.fairness());
        if (f == null) return new Outcome(false, plain, 0, "the trace's fairness '" + rec.fairness() + "' is not none, weak or strong", notes);
        int[] l = plain.labels();
        Execution run = new Execution(states, l, rec.loop());
        LassoCheck.Outcome o = new LassoCheck(cs, new ScenarioChecks(cs), cs::threadName).judge(run, p, f);
        if (!o.confirmed()) {
            return new Outcome(false, plain, 0, "all " + n + " steps replay, but they are not a fair run that violates "
                    + rec.property() + ": " + o.why(), notes);
        }
        return new Outcome(true, run, 0, "all " + n + " steps replay and violate " + rec.property() + ": " + o.why(), notes);
    }

    private Outcome diverged(List<int[]> states, List<Integer> labels, RecordedTrace.Step want, String why, List<String> notes) {
        return new Outcome(false, trace(states, labels), want.number(), "diverges at step " + want.number()
                + ": in the trace " + want.describe() + ", but " + why, notes);
    }

    /** What thread t can do instead of the recorded step, or why it cannot move. */
    private String instead(int[] s, int t, List<Describer.Step> possible) {
        String name = cs.threadName(t);
        List<Describer.Frame> frames = d.frames(s, t);
        if (frames.isEmpty()) return name + " has finished here";
        Describer.Frame f = frames.get(0);
        if (possible.isEmpty()) {
            return name + " is blocked here at \"" + f.statement() + "\" in " + f.proc() + " (" + f.file() + ":" + f.line() + ")";
        }
        Set<String> can = new LinkedHashSet<>();
        for (Describer.Step st : possible) can.add("\"" + st.statement() + "\" in " + st.proc() + " (" + st.location() + ")");
        return "here " + name + " runs " + String.join(" or ", can);
    }

    /** How many globals both models have agree with the recorded state; the others go to differ. */
    private int agreement(int[] s, JsonNode expected, List<String> recordedVars, List<String> differ) {
        int same = 0;
        for (Describer.Var g : d.globals()) {
            if (!recordedVars.contains(g.name()) || !expected.has(g.name())) continue;
            // Format 1 could not show pointers: such a recorded value neither agrees nor differs.
            if (expected.get(g.name()).findValue("#unserializable") != null) continue;
            JsonNode now = values.of(g.type(), s, g.at());
            if (now.equals(expected.get(g.name()))) same++;
            else if (differ != null) differ.add(g.name() + " = " + now + " where the trace had " + expected.get(g.name()));
        }
        return same;
    }

    private boolean sameNext(int[] s, int t, JsonNode expected, String thread) {
        JsonNode frames = expected.path("#meta").path("threads").path(thread).path("frames");
        List<Describer.Frame> now = d.frames(s, t);
        if (frames.size() == 0 || now.isEmpty()) return frames.size() == 0 && now.isEmpty();
        return norm(frames.get(0).path("statement").asText()).equals(norm(now.get(0).statement()));
    }

    private String stillHolds(int[] s, RecordedTrace rec) {
        String property = rec.property();
        if (Fault.LEAK.kind.equals(rec.fault()) && cs.fault(s) == null) return "nothing leaks at the end";
        if (Fault.byProperty(property) != null) {
            Fault f = cs.fault(s);
            return f == null ? "no fault" : "it faults differently: " + f.description;
        }
        if (property.equals(org.uffdcheck.engine.ExploreResult.DEADLOCK)) {
            List<String> movers = new ArrayList<>();
            boolean[] moves = RaceDiagram.canMove(cs, s);
            for (int t = 0; t < moves.length; t++) if (moves[t]) movers.add(cs.threadName(t));
            return movers.isEmpty() ? "every thread has finished or rests where it may" : String.join(", ", movers) + " can still move";
        }
        return cs.invariantNames().contains(property) ? "the invariant holds" : "the model has no invariant " + property;
    }

    private int threadIndex(String name) {
        for (int t = 0; t < cs.threadCount(); t++) if (cs.threadName(t).equals(name)) return t;
        return -1;
    }

    private List<String> threadNames() {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < cs.threadCount(); t++) out.add(cs.threadName(t));
        return out;
    }

    private static Execution trace(List<int[]> states, List<Integer> labels) {
        int[] l = new int[labels.size()];
        for (int i = 0; i < l.length; i++) l[i] = labels.get(i);
        return new Execution(states, l);
    }

    static String norm(String s) { return s.replaceAll("\\s+", " ").trim(); }
}
