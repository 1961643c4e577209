package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * Why an invariant does not hold in a state: the quantifier instance that fails and the values that
 * decide, or the fault its evaluation meets, located. It walks the expression and evaluates each
 * node with what the search compiled for it (PropertyNodes), in the search's order, so it cannot
 * disagree with the verdict; the search's own evaluation stays as it is. Runs once per report.
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

    private final CheckedModel model;
    private final Layout layout;
    private final PropertyNodes nodes;
    private final ValueFormat fmt;
    private final Faults faults;
    /** Where the element a bound variable stands for lies, as a path: "mm_struct#1.mmap[0]". */
    private final Map<Symbol, String> elements = new HashMap<>();
    private final Map<Symbol, Expr> domains = new HashMap<>();
    /** A copy of the state: binding quantifier variables writes its scratch slots. */
    final int[] s;

    Explainer(CompiledScenario cs, PropertyNodes nodes, ValueFormat fmt, int[] state) {
        this.model = cs.model;
        this.layout = cs.layout;
        this.nodes = nodes;
        this.fmt = fmt;
        this.s = state.clone();
        this.faults = new Faults(this);
    }

    /** "is false: ..." or "faults: ..." for an expression the search found false; null if it holds. */
    String explain(Expr e) {
        try {
            if (value(e) != 0) return null;
            return "is false: " + why(e, true).render();
        } catch (Faults.Located f) {
            return FAULTS + f.getMessage();
        }
    }

    /** The value of a scalar expression; the first fault met is raised as Located at its node. */
    int value(Expr e) {
        if (e instanceof Expr.Quantifier q) return quantifier(q) ? 1 : 0;
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
            boolean l = value(b.left()) != 0;
            if (l == (b.op() == Expr.BinaryOp.OR)) return l ? 1 : 0;
            return value(b.right()) != 0 ? 1 : 0;
        }
        operands(e);
        try {
            return nodes.scalars.get(e).eval(s, 0);
        } catch (FaultException | ArithmeticException x) {
            throw faults.at(e, x);
        }
    }

    /** Where a non-scalar expression's value starts in the state. */
    int address(Expr e) {
        operands(e);
        try {
            return nodes.addrs.get(e).at(s, 0);
        } catch (FaultException | ArithmeticException x) {
            throw faults.at(e, x);
        }
    }

    /** Evaluates e's operands first, so a fault raised by e itself is e's own. */
    private void operands(Expr e) {
        if (e instanceof Expr.Field f) {
            operand(f.target());
        } else if (e instanceof Expr.Index i) {
            operand(i.target());
            operand(i.index());
        } else if (e instanceof Expr.Unary u) {
            operand(u.operand());
        } else if (e instanceof Expr.Binary b) {
            operand(b.left());
            operand(b.right());
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) operand(a);
        }
    }

    /** Operands the compiler folded away (len of an array, say) have no node and are not evaluated. */
    private void operand(Expr e) {
        if (nodes.scalars.containsKey(e) || e instanceof Expr.Quantifier) value(e);
        else if (nodes.addrs.containsKey(e)) address(e);
    }

    /** The domain of a quantifier as evaluated now: n instances, instance k bound by bind(k). */
    private final class Domain {
        final Expr.Quantifier q;
        final int slot, slots;
        final long lo, hi, n;
        final int first;

        Domain(Expr.Quantifier q) {
            this.q = q;
            Symbol.Bound v = (Symbol.Bound) model.declaredBy(q);
            this.slot = layout.boundBase + v.offset();
            if (q.domain() instanceof Expr.Range r) {
                long a = value(r.lo()), b = value(r.hi());
                lo = a;
                hi = b;
                n = Math.max(0, b - a + 1);
                slots = 1;
                first = 0;
            } else {
                Type t = model.typeOf(q.domain());
                int base = address(q.domain());
                lo = 0;
                hi = 0;
                if (t instanceof Type.ArrayOf arr) {
                    n = arr.size();
                    slots = arr.element().slots();
                    first = base;
                } else {
                    Type.ListOf l = (Type.ListOf) t;
                    n = s[base];
                    slots = l.element().slots();
                    first = base + 1;
                }
            }
        }

        void bind(long k) {
            if (q.domain() instanceof Expr.Range) {
                s[slot] = (int) (lo + k);
            } else {
                System.arraycopy(s, first + (int) k * slots, s, slot, slots);
                elements.put(model.declaredBy(q), path(q.domain()) + "[" + k + "]");
                domains.put(model.declaredBy(q), q.domain());
            }
        }

        void unbind() { java.util.Arrays.fill(s, slot, slot + slots, 0); }

        /** "k = 2", "c = userfaultfd_ctx#2", or for a struct element where it lies: "v = mm_struct#1.mmap[0]". */
        String binding(long k) {
            String name = q.var().name();
            if (q.domain() instanceof Expr.Range) return name + " = " + (lo + k);
            Type el = model.typeOf(q.domain()) instanceof Type.ArrayOf a ? a.element() : ((Type.ListOf) model.typeOf(q.domain())).element();
            return name + " = " + (el.isScalar() ? fmt.show(el, s, slot) : elements.get(model.declaredBy(q)));
        }

        /** "k in 0..2", "v in mm_struct#1.mmap". */
        String text() { return q.var().name() + " in " + where(); }

        String where() { return q.domain() instanceof Expr.Range ? lo + ".." + hi : path(q.domain()); }
    }

    private boolean quantifier(Expr.Quantifier q) {
        Domain d = new Domain(q);
        try {
            for (long k = 0; k < d.n; k++) {
                d.bind(k);
                if ((value(q.body()) != 0) != q.forall()) return !q.forall();
            }
            return q.forall();
        } finally {
            d.unbind();
        }
    }

    /** Why e, which the search evaluated without a fault, is not want. */
    private Why why(Expr e, boolean want) {
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) return why(u.operand(), !want);
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR)) {
            // A false conjunct or a true disjunct decides alone: the first one, as evaluation meets it.
            if ((b.op() == Expr.BinaryOp.AND) == want) {
                return why((value(b.left()) != 0) == want ? b.right() : b.left(), want);
            }
            return merge(why(b.left(), want), why(b.right(), want));
        }
        if (e instanceof Expr.Quantifier q) return q.forall() == want ? instance(q, want) : every(q, want);
        Set<String> facts = new LinkedHashSet<>();
        atoms(e, facts);
        if (facts.isEmpty()) return new Why(List.of(), List.of(Describe.oneLine(e) + " = " + shown(e)), true);
        return new Why(List.of(), List.copyOf(facts));
    }

    /** A failing forall or a satisfied exists: the first instance that decides. */
    private Why instance(Expr.Quantifier q, boolean want) {
        Domain d = new Domain(q);
        try {
            for (long k = 0; k < d.n; k++) {
                d.bind(k);
                if ((value(q.body()) != 0) != want) return bound(d.binding(k), why(q.body(), want));
            }
        } finally {
            d.unbind();
        }
        throw new IllegalStateException("no instance decides " + q.span().where());
    }

    /** An exists no instance satisfies, or a forall every instance does: the first few instances. */
    private Why every(Expr.Quantifier q, boolean want) {
        Domain d = new Domain(q);
        String head = (q.forall() ? "every " : "no ") + d.text() + " satisfies it";
        return new Why(List.of(), List.of(head + " " + instances(q, want)));
    }

    /** "(k = 0: facts; k = 1: facts; 5 more)", or "(mm_struct#1.mmap is empty)". */
    private String instances(Expr.Quantifier q, boolean want) {
        Domain d = new Domain(q);
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
        boolean v = value(q) != 0;
        String because = q.forall() != v ? "(" + instance(q, !v).render() + ")" : instances(q, !v);
        return path(q) + " = " + v + " " + because;
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
            Symbol sym = model.symbolOf(n);
            // Constants say nothing about the state; a scalar bound variable is in the bindings.
            if (!(sym instanceof Symbol.Global) && !(sym instanceof Symbol.Bound && !model.typeOf(e).isScalar())) return;
        }
        if (e instanceof Expr.Unary u) {
            atoms(u.operand(), out);
        } else if (e instanceof Expr.Binary b && model.typeOf(b.left()).isScalar()) {
            atoms(b.left(), out);
            atoms(b.right(), out);
        } else if (e instanceof Expr.Quantifier q) {
            out.add(quantifierFact(q));
        } else if (e instanceof Expr.Binary b) {
            out.add(path(b.left()) + " = " + shown(b.left()));
            out.add(path(b.right()) + " = " + shown(b.right()));
        } else {
            out.add(path(e) + " = " + shown(e));
        }
    }

    /**
     * How a read is named: indexes by their values, and from the first object it passes through on,
     * by that object's name: mon[i].ctx.mm.pages[p] is "userfaultfd_ctx#2.mm.pages[1]".
     */
    String path(Expr e) {
        if (e instanceof Expr.Name n) {
            if (isBoundPointer(e)) return shown(e);
            return elements.getOrDefault(model.symbolOf(n), n.ident().name());
        }
        if (e instanceof Expr.Field f) {
            boolean deref = model.typeOf(f.target()) instanceof Type.Pointer && !throughObject(f.target());
            return (deref ? shown(f.target()) : path(f.target())) + "." + f.field().name();
        }
        if (e instanceof Expr.Index i) return path(i.target()) + "[" + shown(i.index()) + "]";
        if (e instanceof Expr.Call c) {
            List<String> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(isRead(a) ? path(a) : Describe.oneLine(a));
            return c.callee().name() + "(" + String.join(", ", args) + ")";
        }
        if (e instanceof Expr.Quantifier q) return "(" + (q.forall() ? "forall " : "exists ") + new Domain(q).text() + ": ...)";
        return Describe.oneLine(e);
    }

    private boolean isRead(Expr e) {
        return e instanceof Expr.Field || e instanceof Expr.Index
                || e instanceof Expr.Name n && model.symbolOf(n) instanceof Symbol.Global;
    }

    private boolean isBoundPointer(Expr e) {
        return e instanceof Expr.Name n && model.symbolOf(n) instanceof Symbol.Bound && model.typeOf(e) instanceof Type.Pointer;
    }

    /** Whether the path of e already starts at an object's name. */
    private boolean throughObject(Expr e) {
        if (e instanceof Expr.Field f) return model.typeOf(f.target()) instanceof Type.Pointer || throughObject(f.target());
        if (e instanceof Expr.Index i) return throughObject(i.target());
        if (isBoundPointer(e)) return true;
        Expr domain = e instanceof Expr.Name n ? domains.get(model.symbolOf(n)) : null;
        return domain != null && throughObject(domain);
    }

    Type typeOf(Expr e) { return model.typeOf(e); }

    /** e's value as traces show it. */
    String shown(Expr e) {
        Type t = model.typeOf(e);
        if (t.isScalar()) return fmt.show(t, new int[] {value(e)}, 0);
        return Describe.clip(fmt.show(t, s, address(e)));
    }

    /** Small text helpers. */
    static final class Describe {
        private static final int MAX_VALUE_CHARS = 200;

        private Describe() {}

        static String oneLine(Expr e) { return e.span().text().replaceAll("//[^\n]*", " ").replaceAll("\\s+", " ").trim(); }

        static String clip(String v) { return v.length() <= MAX_VALUE_CHARS ? v : v.substring(0, MAX_VALUE_CHARS - 3) + "..."; }
    }
}
