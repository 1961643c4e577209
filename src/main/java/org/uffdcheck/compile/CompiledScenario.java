package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;

/** One scenario of a model, ready to explore: its transition system and what is checked on it. */
public final class CompiledScenario implements TransitionSystem {
    /** A compiled invariant or reachability property. */
    record Check(String name, IntExpr expr) {}

    /** A compiled eventually (premise null: the initial state) or leadsto property. */
    record Live(String name, IntExpr premise, IntExpr goal) {}

    final CheckedModel model;
    final ScenarioInfo info;
    final Layout layout;
    final Code code;
    private final int[] initial;
    private final boolean[] endPc;
    private final List<Check> invariants;
    private final List<Check> reachables;
    private final List<Live> lives;
    private final ForbiddenLocks forbidden;
    private final Reductions reductions;
    private final boolean[] namedThreads;

    private final Leaks leaks;
    private final ObservationTable observations;
    private final PropertyNodes propertyNodes;
    /** The steps every stepper runs; shared, since they hold no state. */
    private Steps steps;

    CompiledScenario(CheckedModel model, ScenarioInfo info, Layout layout, Code code, int[] initial, Set<Integer> endPcs,
                     List<Check> invariants, List<Check> reachables, List<Live> lives, boolean[] namedThreads,
                     PropertyNodes propertyNodes, Reductions reductions) {
        this.lives = lives;
        this.reductions = reductions;
        this.propertyNodes = propertyNodes;
        this.namedThreads = namedThreads;
        this.model = model;
        this.info = info;
        this.layout = layout;
        this.code = code;
        this.initial = initial;
        this.endPc = new boolean[code.ops.length];
        for (int pc : endPcs) endPc[pc] = true;
        this.invariants = invariants;
        this.reachables = reachables;
        this.forbidden = new ForbiddenLocks(model, layout);
        this.leaks = new Leaks(model, layout, code);
        this.steps = new Steps.Interpreted(code.ops);
        this.observations = new ObservationTable(threadNames().toArray(new String[0]));
    }

    /**
     * Chooses how the steps run, before any stepper is made: COMPILED generates the scenario's
     * code now (falling back to the interpreter where it cannot).
     */
    public CompiledScenario engine(Engine e) {
        steps = e == Engine.COMPILED ? StepCompiler.compile(code.ops) : new Steps.Interpreted(code.ops);
        return this;
    }

    /** Whether the steps run as generated code. */
    public boolean compiledSteps() { return !(steps instanceof Steps.Interpreted); }

    /** At an end state, whether some heap object is live but unreachable. */
    public boolean leaks(int[] s) { return leaks.any(s, threadCount()); }

    /** The objects leaks(s) finds, named as traces name pointers (userfaultfd_ctx#2). */
    public List<String> leakedObjects(int[] s) { return leaks.leaked(s, threadCount()); }

    /** Whether a successor label is the delivery of a fatal signal rather than a step. */
    public static boolean isKill(int label) { return (label & SuccessorGenerator.KILL) == SuccessorGenerator.KILL; }

    public ScenarioInfo info() { return info; }

    public Reductions reductions() { return reductions; }

    public CheckedModel model() { return model; }

    @Override public int stateSize() { return layout.stateSize; }

    @Override public void initialState(int[] out) { System.arraycopy(initial, 0, out, 0, initial.length); }

    @Override public Stepper newStepper() {
        return stepper(reductions.symmetry() ? new Symmetry(this, namedThreads) : null);
    }

    /**
     * Without symmetry even when the scenario is compiled with it: a representative renames threads,
     * and an observation names the thread that really moved.
     */
    @Override public Stepper newObservingStepper() {
        return new SuccessorGenerator(code, steps, layout, threadCount(), layout.stateSize, forbidden, reductions.mergeLocal(), null,
                observations);
    }

    @Override public org.uffdcheck.engine.Observation observation(int code) { return observations.get(code); }

    private SuccessorGenerator stepper(Symmetry sym) {
        return new SuccessorGenerator(code, steps, layout, threadCount(), layout.stateSize, forbidden, reductions.mergeLocal(), sym,
                null);
    }

    /**
     * Follows the representatives' path with the model's own steps. Representative i is the
     * concrete state i renamed by perm; step i from the representative, taken without renaming,
     * gives raw, and its representative is state i + 1 (renamed by more). The concrete step is the
     * successor of concrete state i that perm turns into raw exactly.
     */
    @Override public List<int[]> concreteRun(List<int[]> states, int[] labels) {
        if (!reductions.symmetry()) return states;
        Symmetry sym = new Symmetry(this, namedThreads);
        SuccessorGenerator plain = stepper(null);
        int n = layout.stateSize;
        List<int[]> out = new ArrayList<>();
        int[] cur = states.get(0).clone();
        out.add(cur.clone());
        Symmetry.Perm perm = sym.identity();
        int[] raw = new int[n], renamed = new int[n], next = new int[n];
        for (int i = 0; i < labels.length; i++) {
            int want = labels[i];
            boolean[] found = new boolean[1];
            plain.successors(states.get(i), (succ, label) -> {
                if (label == want && !found[0]) {
                    System.arraycopy(succ, 0, raw, 0, n);
                    found[0] = true;
                }
            });
            if (!found[0]) throw new IllegalStateException("step " + i + ": label " + want + " not found again");
            Symmetry.Perm more = sym.identity();
            int[] rep = raw.clone();
            sym.canonicalize(rep, more);
            if (!java.util.Arrays.equals(rep, states.get(i + 1))) {
                throw new IllegalStateException("step " + i + ": the representative differs on a second look");
            }
            Symmetry.Perm p = perm;
            int[] match = {-1};
            plain.successors(cur, (succ, label) -> {
                if (match[0] >= 0) return;
                sym.apply(succ, p.threads(), p.objects(), renamed);
                if (java.util.Arrays.equals(renamed, 0, n, raw, 0, n)) {
                    System.arraycopy(succ, 0, next, 0, n);
                    match[0] = label;
                }
            });
            if (match[0] < 0) throw new IllegalStateException("step " + i + ": no step of the model matches");
            labels[i] = match[0];
            cur = next.clone();
            out.add(cur);
            perm = perm.then(more);
        }
        return out;
    }

    public int threadCount() { return info.threads().size(); }

    public String threadName(int t) { return info.threads().get(t).name(); }

    private List<String> threadNames() {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < threadCount(); t++) out.add(threadName(t));
        return out;
    }

    /** The thread that takes the step a successor label names. */
    public static int threadOfLabel(int label) { return label >>> SuccessorGenerator.ALT_BITS; }

    /** The fault a state ended in, or null. */
    public Fault fault(int[] s) { return s[Layout.ERROR] == 0 ? null : SuccessorGenerator.faultOf(s[Layout.ERROR]); }

    /** Where the fault of an error state happened: "file:line: statement". */
    public String faultSite(int[] s) {
        Op op = code.ops[SuccessorGenerator.faultPc(s[Layout.ERROR])];
        return op.span.file().displayName() + ":" + op.span.line() + ": " + op.text;
    }

    /** Every thread has finished or waits at a statement labelled end...; error states count as ends. */
    public boolean isValidEnd(int[] s) {
        if (s[Layout.ERROR] != 0) return true;
        for (int t = 0; t < threadCount(); t++) {
            int pc = s[layout.threadBase[t]];
            if (pc != 0 && !endPc[pc]) return false;
        }
        return true;
    }

    /** Thread t has returned from its procedure. */
    public boolean threadFinished(int[] s, int t) { return s[layout.threadBase[t]] == 0; }

    /** Thread t has finished or waits at a statement labelled end... (as isValidEnd asks of all). */
    public boolean threadAtEnd(int[] s, int t) {
        int pc = s[layout.threadBase[t]];
        return pc == 0 || endPc[pc];
    }

    public List<String> invariantNames() { return names(invariants); }

    public List<String> reachableNames() { return names(reachables); }

    private static List<String> names(List<Check> checks) {
        List<String> out = new ArrayList<>();
        for (Check c : checks) out.add(c.name());
        return out;
    }

    /** Whether invariant i holds in s; an invariant that faults (index out of bounds) does not hold. */
    public boolean invariantHolds(int i, int[] s) { return test(invariants.get(i), s); }

    public boolean reached(int i, int[] s) { return test(reachables.get(i), s); }

    public List<String> livenessNames() {
        List<String> out = new ArrayList<>();
        for (Live l : lives) out.add(l.name());
        return out;
    }

    /** Whether liveness property i is a leadsto (else an eventually, whose premise is the initial state). */
    public boolean leadsto(int i) { return lives.get(i).premise() != null; }

    /** Whether leadsto i's premise holds in s; one that faults does not. */
    public boolean premise(int i, int[] s) { return test(lives.get(i).premise(), s); }

    /** Whether liveness property i's goal holds in s; one that faults does not. */
    public boolean goal(int i, int[] s) { return test(lives.get(i).goal(), s); }

    @Override public int moverOf(int label) { return threadOfLabel(label); }

    @Override public int movers() { return threadCount(); }

    private static boolean test(Check c, int[] s) {
        return test(c.expr(), s);
    }

    private static boolean test(IntExpr expr, int[] s) {
        try {
            return expr.eval(s, 0) != 0;
        } catch (FaultException | ArithmeticException e) {
            return false;
        }
    }

    /**
     * Why invariant name does not hold in s, for reports: "invariant at FILE:LINE is false: " then
     * the failing quantifier instance and the values that make it false, or "invariant faults: "
     * then the fault its evaluation met and where.
     */
    public String invariantFailure(String name, int[] s) {
        Decl.Property p = model.properties.get(name);
        if (p == null) return "invariant " + name + " is false";
        String why = null;
        try {
            if (propertyNodes.scalars.containsKey(p.expr())) {
                why = new Explainer(new PropertyEval(this, propertyNodes, new ValueFormat(threadNames(), false), s)).explain(p.expr());
            }
        } catch (RuntimeException | StackOverflowError e) {
            // The verdict stands without its reasons; a report must not end in a stack trace.
            why = null;
        }
        // A fault is located already; a false invariant is located by its declaration.
        if (why != null && why.startsWith(Explainer.FAULTS)) return "invariant " + why;
        return "invariant at " + p.span().file().displayName() + ":" + p.span().line() + " "
                + (why == null ? "is false" : why);
    }

    /** "eventually at FILE:LINE never holds", or its leadsto form, for reports of a lasso. */
    public String livenessFailure(String name) {
        Decl.Property p = model.properties.get(name);
        String at = p.kind().keyword() + " at " + p.span().file().displayName() + ":" + p.span().line();
        return p.kind() == Decl.PropertyKind.LEADSTO ? at + ": its premise holds and its goal never follows"
                : at + " never holds";
    }

    public boolean checksDeadlock() { return info.checks().contains("deadlock"); }

    /** Describes states and steps for counterexamples. */
    public Describer describer() { return new Describer(this); }
}
