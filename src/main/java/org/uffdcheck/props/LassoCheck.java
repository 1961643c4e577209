package org.uffdcheck.props;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;

/**
 * Whether a lasso is a fair run that violates a liveness property, judged from the system alone,
 * without trusting whoever found it: its first state is the initial state, each label is a step
 * of the state before it, the cycle returns to the state it starts from (or the run ends in a
 * state with no successor), the property's goal fails as the verdict claims, and the cycle
 * satisfies the fairness. A lasso that fails any of these is refuted, with the reason.
 */
public final class LassoCheck {
    /** confirmed: the run is a fair violation; why: what was confirmed, or the first thing that is not so. */
    public record Outcome(boolean confirmed, String why) {}

    private final TransitionSystem ts;
    private final StateChecks checks;
    private final IntFunction<String> threadName;

    public LassoCheck(TransitionSystem ts, StateChecks checks, IntFunction<String> threadName) {
        this.ts = ts;
        this.checks = checks;
        this.threadName = threadName;
    }

    /** Judges run against the liveness property at index property of checks, under fairness. */
    public Outcome judge(Execution run, int property, Fairness fairness) {
        if (!run.lasso()) return no("the run has no cycle (no loop index)");
        int n = run.length();
        int loop = run.loop();
        String broken = steps(run);
        if (broken != null) return no(broken);
        if (!Arrays.equals(run.states().get(loop), run.last())) {
            return no("the cycle does not close: state " + n + " is not state " + loop + ", where the cycle starts");
        }
        int stillEnabled = loop == n ? enabled(run.last()) : 0;
        if (stillEnabled != 0) {
            return no("the run is said to end at step " + n + ", but there " + names(stillEnabled) + " can still move");
        }
        String goal = goal(run, property);
        if (goal != null) return no(goal);
        String unfair = unfair(run, fairness);
        if (unfair != null) return no(unfair);
        String name = checks.liveness(property).name();
        String cycle = loop == n ? "the run ends at step " + n + " and stays there" : "steps " + (loop + 1) + "-" + n
                + " return to state " + loop;
        return new Outcome(true, cycle + ", " + name + "'s goal never holds " + (premise(property) ? "after a state owing it"
                : "on the run") + (fairness == Fairness.NONE ? " (no fairness asked)" : ", and the cycle is fair under "
                + fairness.spelling() + " fairness"));
    }

    private static Outcome no(String why) {
        return new Outcome(false, why);
    }

    /** Null when every label is a step of the state before it, leading to the state after it. */
    private String steps(Execution run) {
        int[] init = new int[ts.stateSize()];
        ts.initialState(init);
        if (!Arrays.equals(init, run.states().get(0))) return "the run does not start in the initial state";
        TransitionSystem.Stepper stepper = ts.newStepper();
        int[] labels = run.labels();
        for (int i = 0; i < labels.length; i++) {
            int want = labels[i];
            int[] to = run.states().get(i + 1);
            boolean[] found = {false, false};
            stepper.successors(run.states().get(i), (next, label) -> {
                if (label != want) return;
                found[0] = true;
                found[1] = Arrays.equals(next, to);
            });
            if (!found[0]) return "step " + (i + 1) + " is not a step of the state before it";
            if (!found[1]) return "step " + (i + 1) + " leads elsewhere than the run's next state";
        }
        return null;
    }

    private boolean premise(int property) {
        return checks.liveness(property).kind() == org.uffdcheck.engine.PropertyId.Kind.LEADSTO;
    }

    /**
     * eventually: the goal holds nowhere on the run. leadsto: after the last state where the goal
     * holds, a state owes it (its premise holds), and the goal holds nowhere in the cycle, which
     * repeats for ever.
     */
    private String goal(Execution run, int property) {
        String name = checks.liveness(property).name();
        int lastGoal = -1;
        for (int i = 0; i < run.states().size(); i++) if (checks.liveGoal(property, run.states().get(i))) lastGoal = i;
        if (!premise(property)) {
            return lastGoal < 0 ? null : name + "'s goal holds in state " + lastGoal + " of the run";
        }
        if (lastGoal >= run.loop()) return name + "'s goal holds in state " + lastGoal + ", inside the cycle";
        for (int i = lastGoal + 1; i < run.states().size(); i++) if (checks.livePremise(property, run.states().get(i))) return null;
        return "no state of the run owes " + name + "'s goal: its premise holds in none after the goal last held";
    }

    /** Null when the cycle is fair; else which thread it starves. */
    private String unfair(Execution run, Fairness fairness) {
        if (fairness == Fairness.NONE || run.loop() == run.length()) return null;
        int always = -1;
        int sometimes = 0;
        int moved = 0;
        int[] labels = run.labels();
        for (int i = run.loop(); i < run.length(); i++) {
            int en = enabled(run.states().get(i));
            always &= en;
            sometimes |= en;
            moved |= 1 << ts.moverOf(labels[i]);
        }
        int starved = (fairness == Fairness.WEAK ? always : sometimes) & ~moved;
        if (starved == 0) return null;
        return "the cycle is not fair under " + fairness.spelling() + " fairness: " + names(starved) + " "
                + (fairness == Fairness.WEAK ? "can move in every state of the cycle" : "can move in some state of the cycle")
                + " and never moves in it";
    }

    private int enabled(int[] state) {
        int[] mask = {0};
        ts.newStepper().successors(state, (next, label) -> mask[0] |= 1 << ts.moverOf(label));
        return mask[0];
    }

    private String names(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < 32; t++) {
            if ((mask & (1 << t)) == 0) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(threadName.apply(t));
        }
        return sb.toString();
    }
}
