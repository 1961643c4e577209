package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ConstEval;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * Evaluates any node of a property with what the search compiled for it (PropertyNodes), so that it
 * cannot disagree with the verdict; when a node faults, its operands are evaluated in source order
 * to raise the fault located at the node that met it. Also names what a node reads, as reports
 * show it. Works on a copy of the state: binding quantifier variables writes their scratch slots.
 */
final class PropertyEval {
    final CheckedModel model;
    private final Layout layout;
    private final PropertyNodes nodes;
    final ValueFormat fmt;
    private final Faults faults;
    /** Where the element a bound variable stands for lies, as a path: "mm_struct#1.mmap[0]". */
    private final Map<Symbol, String> elements = new HashMap<>();
    private final Map<Symbol, Expr> domains = new HashMap<>();
    final int[] s;

    PropertyEval(CompiledScenario cs, PropertyNodes nodes, ValueFormat fmt, int[] state) {
        this.model = cs.model;
        this.layout = cs.layout;
        this.nodes = nodes;
        this.fmt = fmt;
        this.s = state.clone();
        this.faults = new Faults(this);
    }

    /**
     * The value of a scalar expression; the first fault met is raised as Located at its node. The
     * compiled node runs first; only when it faults are its operands evaluated one by one to find
     * the node that faulted, so a deep expression costs a re-evaluation only on the faulting path.
     */
    int value(Expr e) {
        try {
            return nodes.scalars.get(e).eval(s, 0);
        } catch (FaultException | ArithmeticException x) {
            if (e instanceof Expr.Quantifier q) quantifier(q);
            throw locate(e, x);
        }
    }

    /** Where a non-scalar expression's value starts in the state. */
    int address(Expr e) {
        try {
            return nodes.addrs.get(e).at(s, 0);
        } catch (FaultException | ArithmeticException x) {
            throw locate(e, x);
        }
    }

    /** e faulted: an operand that faults is raised where it is, else the fault is e's own. */
    private Faults.Located locate(Expr e, RuntimeException x) {
        if (operator(e)) located(e);
        else operands(e);
        return faults.at(e, x);
    }

    /**
     * Evaluates connectives, comparisons and arithmetic from their operands' values, bottom up, so
     * that finding the fault in a long chain (a sum of thousands of terms) takes one pass, with the
     * operators as constants fold them. Other nodes run compiled.
     */
    private int located(Expr e) {
        if (!operator(e)) return value(e);
        if (e instanceof Expr.Unary u) {
            int v = located(u.operand());
            if (u.op() == Expr.UnaryOp.NOT) return v == 0 ? 1 : 0;
            if (v == Integer.MIN_VALUE) throw faults.at(e, new ArithmeticException());
            return -v;
        }
        Expr.Binary b = (Expr.Binary) e;
        if (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR) {
            boolean l = located(b.left()) != 0;
            if (l == (b.op() == Expr.BinaryOp.OR)) return l ? 1 : 0;
            return located(b.right()) != 0 ? 1 : 0;
        }
        int l = located(b.left()), r = located(b.right());
        try {
            return ConstEval.apply(b.op(), l, r);
        } catch (ArithmeticException x) {
            throw faults.at(e, x);
        }
    }

    /** A unary or binary operator on one-slot values (not the comparison of two structs). */
    private boolean operator(Expr e) {
        return e instanceof Expr.Unary || e instanceof Expr.Binary b && model.typeOf(b.left()).isScalar();
    }

    /** Evaluates e's operands in order; the first that faults is raised located. */
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
        if (nodes.scalars.containsKey(e)) value(e);
        else if (nodes.addrs.containsKey(e)) address(e);
    }

    /** The domain of a quantifier as evaluated now: n instances, instance k bound by bind(k). */
    final class Domain {
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

        /** "k = 2", or where the element lies and, when it is one value, that value: "c = ctxs[1] = obj#2". */
        String binding(long k) {
            String name = q.var().name();
            if (q.domain() instanceof Expr.Range) return name + " = " + (lo + k);
            Type el = model.typeOf(q.domain()) instanceof Type.ArrayOf a ? a.element() : ((Type.ListOf) model.typeOf(q.domain())).element();
            String at = elements.get(model.declaredBy(q));
            return name + " = " + (el.isScalar() ? at + " = " + fmt.show(el, s, slot) : at);
        }

        /** "k in 0..2", "v in mm_struct#1.mmap". */
        String text() { return q.var().name() + " in " + where(); }

        String where() { return q.domain() instanceof Expr.Range ? lo + ".." + hi : path(q.domain()); }
    }

    /** q's domain as it is now (evaluating its bounds or collection). */
    Domain domain(Expr.Quantifier q) { return new Domain(q); }

    /** A quantifier the compiled node found faulting, instance by instance: the fault is raised located. */
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
            for (Expr a : c.args()) args.add(isRead(a) ? path(a) : oneLine(a));
            return c.callee().name() + "(" + String.join(", ", args) + ")";
        }
        if (e instanceof Expr.Quantifier q) return "(" + (q.forall() ? "forall " : "exists ") + new Domain(q).text() + ": ...)";
        return oneLine(e);
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
        return clip(fmt.show(t, s, address(e)));
    }

    private static final int MAX_VALUE_CHARS = 200;

    static String oneLine(Expr e) { return e.span().text().replaceAll("//[^\n]*", " ").replaceAll("\\s+", " ").trim(); }

    static String clip(String v) { return v.length() <= MAX_VALUE_CHARS ? v : v.substring(0, MAX_VALUE_CHARS - 3) + "..."; }
}
