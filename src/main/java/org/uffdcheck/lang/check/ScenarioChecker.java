package org.uffdcheck.lang.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Ident;
import org.uffdcheck.lang.ast.ScenarioItem;
import org.uffdcheck.lang.ast.Stmt;

/** Checks scenario blocks: threads and their arguments, properties, bounds and the expected verdict. */
final class ScenarioChecker {
    /** Thread sets are bit masks in an int (see Type.RwSem); one bit is kept for the init code. */
    static final int MAX_THREADS = 30;
    static final String DEADLOCK = "deadlock";

    private final Names names;
    private final CheckedModel out;
    private final Diagnostics diags;
    private final TypeResolver types;
    private int boundSlots;
    private final Map<String, ScenarioInfo> scenarios = new LinkedHashMap<>();

    ScenarioChecker(Names names, CheckedModel out, Diagnostics diags, TypeResolver types, int boundSlots) {
        this.names = names;
        this.out = out;
        this.diags = diags;
        this.types = types;
        this.boundSlots = boundSlots;
    }

    Map<String, ScenarioInfo> scenarios() { return scenarios; }

    int boundSlots() { return boundSlots; }

    /** The scenario being checked: its thread names, in the order of its thread lines. */
    private List<String> threadNames = List.of();

    void check(Decl.Scenario s) {
        String name = s.name().name();
        if (scenarios.containsKey(name)) {
            diags.error(s.name().span(), "duplicate scenario '" + name + "'");
        }
        List<ScenarioInfo.ThreadStart> threads = new ArrayList<>();
        ProcInfo init = new ProcInfo("init", new Type.Void(), null, 0);
        List<String> checks = null;
        // Faults are always checked; one on a check line is allowed, but adds nothing to the list.
        Set<String> faultsListed = new HashSet<>();
        List<String> kills = new ArrayList<>();
        Map<String, Integer> injects = new LinkedHashMap<>();
        ScenarioInfo.Expectation expect = null;
        // Counted as written, so that a bad thread or expect line is not reported a second time as missing.
        int threadLines = 0;
        boolean expectLine = false;
        Fairness fairness = null;
        ScenarioItem.FairnessLine fairnessLine = null;
        long maxStates = 0;
        int maxDepth = 0;
        threadNames = new ArrayList<>();
        for (ScenarioItem item : s.items()) {
            if (item instanceof ScenarioItem.Thread t) threadNames.add(t.name().name());
        }
        for (ScenarioItem item : s.items()) {
            if (item instanceof ScenarioItem.Thread t) {
                threadLines++;
                thread(t, threads);
            } else if (item instanceof ScenarioItem.Init i) {
                init = new ProcInfo("init", new Type.Void(), i.body(), 0);
                StmtChecker sc = new StmtChecker(names, out, diags, init, types, boundSlots);
                sc.inInit = true;
                sc.body(i.body());
                boundSlots = sc.boundSlots();
            } else if (item instanceof ScenarioItem.Kill k) {
                for (Ident t : k.threads()) {
                    if (kills.contains(t.name())) diags.error(t.span(), "thread '" + t.name() + "' is listed twice");
                    else kills.add(t.name());
                }
            } else if (item instanceof ScenarioItem.Inject in) {
                for (ScenarioItem.Failure f : in.kinds()) inject(f, injects);
            } else if (item instanceof ScenarioItem.Check c) {
                if (checks == null) checks = new ArrayList<>();
                for (Ident q : c.properties()) {
                    Ident p = canonical(q);
                    if (Fault.byProperty(p.name()) != null) {
                        if (!faultsListed.add(p.name())) diags.error(p.span(), "property '" + p.name() + "' is listed twice");
                    } else if (!p.name().equals(DEADLOCK) && !names.properties.contains(p.name())) {
                        diags.error(p.span(), "unknown property '" + p.name() + "'; declare it with invariant, reachable, eventually or leadsto");
                    } else if (checks.contains(p.name())) {
                        diags.error(p.span(), "property '" + p.name() + "' is listed twice");
                    } else {
                        checks.add(p.name());
                    }
                }
            } else if (item instanceof ScenarioItem.Bound b) {
                Integer v = types.constant(b.value(), b.kind().name());
                if (v != null && v < 1) diags.error(b.value().span(), b.kind().name() + " must be positive");
                else if (v != null && b.kind().name().equals("max_states")) maxStates = v;
                else if (v != null && b.kind().name().equals("max_depth")) maxDepth = v;
                else if (v != null) diags.error(b.kind().span(), "unknown bound '" + b.kind().name() + "'; expected max_states or max_depth");
            } else if (item instanceof ScenarioItem.FairnessLine f) {
                if (fairness != null) diags.error(f.span(), "scenario " + name + " already says its fairness");
                fairnessLine = f;
                fairness = Fairness.parse(f.mode().name());
                if (fairness == null) {
                    diags.error(f.mode().span(), "unknown fairness '" + f.mode().name() + "'; expected none, weak or strong");
                }
            } else if (item instanceof ScenarioItem.Expect e) {
                if (expectLine) diags.error(e.span(), "scenario " + name + " already says what it expects");
                expectLine = true;
                expect = expectation(e);
            }
        }
        for (String k : kills) {
            if (threads.stream().noneMatch(t -> t.name().equals(k))) {
                diags.error(s.name().span(), "scenario " + name + " kills '" + k + "', which is not one of its threads");
            }
        }
        if (threadLines == 0) diags.error(s.name().span(), "scenario " + name + " starts no thread");
        if (threads.size() > MAX_THREADS) {
            diags.error(s.name().span(), "scenario " + name + " starts " + threads.size() + " threads; at most " + MAX_THREADS);
        }
        if (!expectLine) {
            diags.error(s.name().span(), "scenario " + name + " has no expect line (expect holds; / expect violation NAME; / expect deadlock;)");
        }
        if (expect == null) return;
        if (checks == null) {
            checks = new ArrayList<>(names.properties);
            checks.sort(null);
            checks.add(DEADLOCK);
        }
        if (fairnessLine != null && checks.stream().noneMatch(names.liveness::contains)) {
            // Fairness only decides which infinite runs count for eventually and leadsto; a line that
            // changes nothing is a mistake worth saying (a check line that left the property out).
            diags.error(fairnessLine.span(), "scenario " + name + " says its fairness but checks no eventually or leadsto property");
        }
        if (!expect.holds() && Fault.byProperty(expect.property()) == null && !checks.contains(expect.property())) {
            diags.error(s.name().span(), "scenario " + name + " expects a violation of '" + expect.property()
                    + "' but does not check it");
        }
        scenarios.putIfAbsent(name, new ScenarioInfo(name, s.span(), List.copyOf(threads), init, List.copyOf(checks),
                List.copyOf(kills), java.util.Collections.unmodifiableMap(injects), expect, maxStates, maxDepth,
                fairness == null ? Fairness.WEAK : fairness));
    }

    /** Failures per kind and run: each one left is a state slot's value, so the bound stays small. */
    static final int MAX_INJECTED = 8;
    /** Kinds that built-ins ask about themselves; the others must have a should_fail(NAME) somewhere. */
    private static final Set<String> BUILTIN_FAIL_KINDS = Set.of("kmalloc");

    private void inject(ScenarioItem.Failure f, Map<String, Integer> injects) {
        String kind = f.name().name();
        int max = 1;
        if (f.max() != null) {
            Integer v = types.constant(f.max(), "inject max");
            if (v == null) return;
            if (v < 1 || v > MAX_INJECTED) {
                diags.error(f.max().span(), "inject " + kind + " max " + v + ": the number of failures must be 1 to " + MAX_INJECTED);
                return;
            }
            max = v;
        }
        if (injects.containsKey(kind)) {
            diags.error(f.name().span(), "failure kind '" + kind + "' is injected twice");
        } else if (!BUILTIN_FAIL_KINDS.contains(kind) && !out.failKinds.contains(kind)) {
            diags.error(f.name().span(), "nothing can fail as '" + kind + "': no should_fail(" + kind
                    + ") in the model (kmalloc and kmem_cache_alloc fail as 'kmalloc')");
        } else {
            injects.put(kind, max);
        }
    }

    /** no_deadlock, the catalogue's name, is the same property as deadlock. */
    private static Ident canonical(Ident p) {
        return p.name().equals("no_deadlock") ? new Ident(DEADLOCK, p.span()) : p;
    }

    private void thread(ScenarioItem.Thread t, List<ScenarioInfo.ThreadStart> threads) {
        for (ScenarioInfo.ThreadStart other : threads) {
            if (other.name().equals(t.name().name())) diags.error(t.name().span(), "duplicate thread '" + t.name().name() + "'");
        }
        ProcInfo p = names.procs.get(t.proc().name());
        if (p == null) {
            diags.error(t.proc().span(), "unknown procedure '" + t.proc().name() + "'");
            return;
        }
        if (t.args().size() != p.paramCount) {
            diags.error(t.span(), p.name + " takes " + p.paramCount + " argument" + (p.paramCount == 1 ? "" : "s")
                    + ", found " + t.args().size());
            return;
        }
        int[] args = new int[t.args().size()];
        for (int i = 0; i < args.length; i++) {
            Expr a = t.args().get(i);
            Type pt = p.params().get(i).type();
            if (pt instanceof Type.Task) {
                args[i] = threadTask(a);
                continue;
            }
            if (!pt.isScalar()) {
                diags.error(a.span(), "a thread's arguments must be bool, int or enum constants");
                continue;
            }
            ExprChecker ec = new ExprChecker(names, out, diags);
            ec.expect(a, pt, "argument " + (i + 1) + " of " + p.name);
            Integer v = types.constant(a, "a thread's argument");
            if (v == null) continue;
            if (pt instanceof Type.Int it && it.bounded() && (v < it.lo() || v > it.hi())) {
                diags.error(a.span(), "value " + v + " is out of range for " + it.show());
            }
            args[i] = v;
        }
        threads.add(new ScenarioInfo.ThreadStart(t.name().name(), p, args, t.span()));
    }

    /**
     * A task argument names a thread of the scenario; its value is that thread's task (its place
     * among the thread lines, from 1), so a procedure can ask where another thread is (t@label).
     */
    private int threadTask(Expr a) {
        int k = a instanceof Expr.Name n ? threadNames.indexOf(n.ident().name()) : -1;
        if (k < 0) {
            diags.error(a.span(), "a thread's task argument must name a thread of the scenario");
            return 0;
        }
        return k + 1;
    }

    private ScenarioInfo.Expectation expectation(ScenarioItem.Expect e) {
        String verdict = e.verdict().name();
        switch (verdict) {
            case "holds":
                return new ScenarioInfo.Expectation(true, null);
            case DEADLOCK:
                return new ScenarioInfo.Expectation(false, DEADLOCK);
            case "violation": {
                Ident p = e.property() == null ? null : canonical(e.property());
                if (p == null) {
                    diags.error(e.span(), "expect violation needs the property's name");
                    return null;
                }
                if (!p.name().equals(DEADLOCK) && !names.properties.contains(p.name()) && Fault.byProperty(p.name()) == null) {
                    diags.error(p.span(), "unknown property '" + p.name() + "'");
                    return null;
                }
                return new ScenarioInfo.Expectation(false, p.name());
            }
            default:
                diags.error(e.verdict().span(), "unknown verdict '" + verdict + "'; expected holds, violation NAME or deadlock");
                return null;
        }
    }

}
