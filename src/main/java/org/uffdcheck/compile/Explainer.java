package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.check.Symbol;

/**
 * Why an invariant does not hold in a state: the quantifier instance that fails and the values that
 * decide, or the fault its evaluation meets, located. Runs once per report, on PropertyEval, so the
 * search's own evaluation stays as it is.
 */
final class Explainer {
    /** How many instances are shown of a quantifier that no instance satisfies (or every one does). */
    static final int SHOWN_INSTANCES = 3;
    static final String FAULTS = "faults: ";

    /**
     * The bindings of the quantifier variables on the way down, then the values that decide. weak:
     * the facts only restate a test of bound variables and constants (k < 2 = false).
     */
    private record Why(List<String> binds, List<String> facts, boolean weak) {
        Why(List<String> binds, List<String> facts) { this(binds, facts, false); }

        String render() {
            String f = String.join(", ", facts);
            return binds.isEmpty() ? f : String.join(", ", binds) + ": " + f;
        }
    }

    private final PropertyEval ev;

    Explainer(PropertyEval ev) { this.ev = ev; }

    /** "is false: ..." or "faults: ..." for an expression the search found false; null if it holds. */
    String explain(Expr e) {
        try {
            if (ev.value(e) != 0) return null;
            return "is false: " + why(e, true).render();
        } catch (Faults.Located f) {
            return FAULTS + f.getMessage();
        }
    }

    /** Why e, which the search evaluated without a fault, is not want. */
    private Why why(Expr e, boolean want) {
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) return why(u.operand(), !want);
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
            // A false conjunct or a true disjunct decides alone: the first one, as evaluation meets it.
            if ((b.op() == Expr.BinaryOp.AND) == want) {
                return why((ev.value(b.left()) != 0) == want ? b.right() : b.left(), want);
            }
            return merge(why(b.left(), want), why(b.right(), want));
        }
        if (e instanceof Expr.Quantifier q) return q.forall() == want ? instance(q, want) : every(q, want);
        Set<String> facts = new LinkedHashSet<>();
        atoms(e, facts);
        if (facts.isEmpty()) return new Why(List.of(), List.of(PropertyEval.oneLine(e) + " = " + ev.shown(e)), true);
        return new Why(List.of(), List.copyOf(facts));
    }

    /** A failing forall or a satisfied exists: the first instance that decides. */
    private Why instance(Expr.Quantifier q, boolean want) {
        PropertyEval.Domain d = ev.domain(q);
        try {
            for (long k = 0; k < d.n; k++) {
                d.bind(k);
                if ((ev.value(q.body()) != 0) != want) return bound(d.binding(k), why(q.body(), want));
            }
        } finally {
            d.unbind();
        }
        throw new IllegalStateException("no instance decides " + q.span().where());
    }

    /** An exists no instance satisfies, or a forall every instance does: the first few instances. */
    private Why every(Expr.Quantifier q, boolean want) {
        PropertyEval.Domain d = ev.domain(q);
        String head = (q.forall() ? "every " : "no ") + d.text() + " satisfies it";
        return new Why(List.of(), List.of(head + " " + instances(q, want)));
    }

    /** "(k = 0: facts; k = 1: facts; 5 more)", or "(mm_struct#1.mmap is empty)". */
    private String instances(Expr.Quantifier q, boolean want) {
        PropertyEval.Domain d = ev.domain(q);
        if (d.n == 0) return "(" + d.where() + " is empty)";
        List<String> parts = new ArrayList<>();
        try {
            for (long k = 0; k < Math.min(d.n, SHOWN_INSTANCES); k++) {
                d.bind(k);
                parts.add(bound(d.binding(k), why(q.body(), want)).render());
            }
        } finally {
            d.unbind();
        }
        String more = d.n > SHOWN_INSTANCES ? "; " + (d.n - SHOWN_INSTANCES) + " more" : "";
        return "(" + String.join("; ", parts) + more + ")";
    }

    /** A quantifier read as a value (compared, say): its value and the instances behind it. */
    private String quantifierFact(Expr.Quantifier q) {
        boolean v = ev.value(q) != 0;
        String because = q.forall() != v ? "(" + instance(q, !v).render() + ")" : instances(q, !v);
        return ev.path(q) + " = " + v + " " + because;
    }

    private static Why bound(String binding, Why inner) {
        List<String> binds = new ArrayList<>();
        binds.add(binding);
        binds.addAll(inner.binds());
        return new Why(binds, inner.facts(), inner.weak());
    }

    /**
     * Both sides' reasons. Facts name what they read with values, not variables, so they stay true
     * next to any bindings: one side's bindings can be hoisted; two sides' are kept apart.
     */
    private static Why merge(Why a, Why b) {
        // What the bindings say already need not be said again next to real values.
        if (a.weak() != b.weak()) return a.weak() ? b : a;
        Set<String> facts = new LinkedHashSet<>();
        if (a.binds().isEmpty() || b.binds().isEmpty() || a.binds().equals(b.binds())) {
            facts.addAll(a.facts());
            facts.addAll(b.facts());
            return new Why(a.binds().isEmpty() ? b.binds() : a.binds(), List.copyOf(facts), a.weak());
        }
        facts.add("(" + a.render() + ")");
        facts.add("(" + b.render() + ")");
        return new Why(List.of(), List.copyOf(facts));
    }

    /** The values e reads: each variable, field, element, call and thread@label, as "path = value". */
    private void atoms(Expr e, Set<String> out) {
        if (e instanceof Expr.IntLit || e instanceof Expr.BoolLit) return;
        if (e instanceof Expr.Name n) {
            Symbol sym = ev.model.symbolOf(n);
            // Constants say nothing about the state; a scalar bound variable is in the bindings.
            if (!(sym instanceof Symbol.Global) && !(sym instanceof Symbol.Bound && !ev.model.typeOf(e).isScalar())) return;
        }
        if (e instanceof Expr.Unary u) {
            atoms(u.operand(), out);
        } else if (e instanceof Expr.Binary b && ev.model.typeOf(b.left()).isScalar()) {
            atoms(b.left(), out);
            atoms(b.right(), out);
        } else if (e instanceof Expr.Quantifier q) {
            out.add(quantifierFact(q));
        } else if (e instanceof Expr.Binary b) {
            out.add(ev.path(b.left()) + " = " + ev.shown(b.left()));
            out.add(ev.path(b.right()) + " = " + ev.shown(b.right()));
        } else {
            out.add(ev.path(e) + " = " + ev.shown(e));
        }
    }
}
