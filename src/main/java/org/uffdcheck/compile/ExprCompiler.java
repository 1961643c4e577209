package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.check.Builtin;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/** Lowers checked expressions to IntExpr, Addr and ValueExpr trees over the state vector. */
final class ExprCompiler {
    private final CheckedModel model;
    private final Layout layout;
    final ScenarioInfo scenario;
    private final Diagnostics diags;
    /** thread@label nodes, completed once every label has a program counter. */
    final List<PendingAt> pendingAt = new ArrayList<>();
    /** The procedure whose locals names refer to; null for invariants and global initialisers. */
    Layout.ProcLayout proc;
    /** Where to keep what each node compiled to, for explaining a property later; null when not wanted. */
    PropertyNodes nodes;

    record PendingAt(IntExpr.At node, String label) {}

    ExprCompiler(CheckedModel model, Layout layout, ScenarioInfo scenario, Diagnostics diags) {
        this.model = model;
        this.layout = layout;
        this.scenario = scenario;
        this.diags = diags;
    }

    /** The [lo, hi] a value stored in a variable of type t must respect, or null for plain int. */
    static int[] rangeOf(Type t) {
        if (t instanceof Type.Int i && i.bounded()) return new int[] {i.lo(), i.hi()};
        if (t instanceof Type.Bool) return new int[] {0, 1};
        if (t instanceof Type.Enum e) return new int[] {0, e.members().size() - 1};
        return null;
    }

    IntExpr scalar(Expr e) {
        IntExpr out = lowerScalar(e);
        if (nodes != null) nodes.scalars.put(e, out);
        return out;
    }

    private IntExpr lowerScalar(Expr e) {
        if (e instanceof Expr.IntLit l) return new IntExpr.Const((int) l.value());
        if (e instanceof Expr.BoolLit b) return new IntExpr.Const(b.value() ? 1 : 0);
        if (e instanceof Expr.Name n) {
            Symbol s = model.symbolOf(n);
            if (s instanceof Symbol.Const c) return new IntExpr.Const(c.value());
            if (s instanceof Symbol.EnumMember m) return new IntExpr.Const(m.ordinal());
            if (s instanceof Symbol.Local l) return new IntExpr.Local(proc.varOffset[l.index()]);
            if (s instanceof Symbol.Current) return new IntExpr.Current(layout.owner);
            return new IntExpr.Slot(addr(e).fixed());
        }
        if (e instanceof Expr.Field || e instanceof Expr.Index) {
            Addr a = addr(e);
            return a.fixed() != null ? new IntExpr.Slot(a.fixed()) : new IntExpr.Load(a);
        }
        if (e instanceof Expr.Unary u) {
            // Only -2147483648 is folded: its operand alone does not fit an int. Other negative literals
            // stay a negation, since a constant assigned at a procedure's entry costs no step (CodeGen).
            if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit l && l.value() == 1L << 31) {
                return new IntExpr.Const(Integer.MIN_VALUE);
            }
            IntExpr o = scalar(u.operand());
            return u.op() == Expr.UnaryOp.NOT ? new IntExpr.Not(o) : new IntExpr.Neg(o);
        }
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call c) return builtin(c);
        if (e instanceof Expr.Quantifier q) return quantifier(q);
        if (e instanceof Expr.At a) return at(a);
        throw new IllegalStateException("not a scalar expression: " + e);
    }

    private IntExpr binary(Expr.Binary b) {
        Type lt = model.typeOf(b.left());
        if ((b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.NE) && !lt.isScalar()) {
            IntExpr eq = new IntExpr.BlockEq(addr(b.left()), addr(b.right()), lt.slots());
            return b.op() == Expr.BinaryOp.EQ ? eq : new IntExpr.Not(eq);
        }
        IntExpr l = scalar(b.left()), r = scalar(b.right());
        return switch (b.op()) {
            case OR -> new IntExpr.Or(l, r);
            case AND -> new IntExpr.And(l, r);
            case EQ -> new IntExpr.Eq(l, r);
            case NE -> new IntExpr.Not(new IntExpr.Eq(l, r));
            case LT -> new IntExpr.Lt(l, r);
            case LE -> new IntExpr.Le(l, r);
            case GT -> new IntExpr.Lt(r, l);
            case GE -> new IntExpr.Le(r, l);
            case ADD -> new IntExpr.Add(l, r);
            case SUB -> new IntExpr.Sub(l, r);
            case MUL -> new IntExpr.Mul(l, r);
            case DIV -> new IntExpr.Div(l, r, false);
            case MOD -> new IntExpr.Div(l, r, true);
        };
    }

    private IntExpr builtin(Expr.Call c) {
        Builtin b = (Builtin) model.callee(c);
        List<Expr> a = c.args();
        return switch (b) {
            case LEN -> model.typeOf(a.get(0)) instanceof Type.ArrayOf arr
                    ? new IntExpr.Const(arr.size()) : new IntExpr.Len(addr(a.get(0)));
            case CONTAINS -> new IntExpr.Contains(addr(a.get(0)), scalar(a.get(1)));
            case MIN -> new IntExpr.MinMax(scalar(a.get(0)), scalar(a.get(1)), false);
            case MAX -> new IntExpr.MinMax(scalar(a.get(0)), scalar(a.get(1)), true);
            case SIGNAL_PENDING, FATAL_SIGNAL_PENDING -> new IntExpr.SignalPending(scalar(a.get(0)), layout.threadBase);
            case ATOMIC_READ -> scalar(a.get(0));
            // Built-ins with an effect stand as statements or an assignment's right side, which
            // CodeGen lowers; the checker keeps them out of expressions.
            case DOWN_READ, DOWN_WRITE, UP_READ, UP_WRITE, SPIN_LOCK, SPIN_UNLOCK, DOWN_READ_KILLABLE,
                 DOWN_WRITE_KILLABLE, PUSH_BACK, PUSH_FRONT, POP_FRONT, REMOVE, CLEAR, KMALLOC, KFREE,
                 REFCOUNT_INC, REFCOUNT_DEC_AND_TEST, SET_CURRENT_STATE, SCHEDULE, WAKE_UP_PROCESS,
                 DOWN_READ_TRYLOCK, DOWN_WRITE_TRYLOCK, DOWNGRADE_WRITE, ATOMIC_SET, ATOMIC_INC, ATOMIC_DEC,
                 ATOMIC_DEC_AND_TEST, ATOMIC_INC_NOT_ZERO, KMEM_CACHE_ALLOC, SHOULD_FAIL ->
                    throw new IllegalStateException(b + " has no value");
        };
    }

    private IntExpr quantifier(Expr.Quantifier q) {
        Symbol.Bound v = (Symbol.Bound) model.declaredBy(q);
        int slot = layout.boundBase + v.offset();
        IntExpr body = scalar(q.body());
        if (q.domain() instanceof Expr.Range r) {
            return new Quantifier(q.forall(), slot, 1, scalar(r.lo()), scalar(r.hi()), null, false, 0, body);
        }
        Type t = model.typeOf(q.domain());
        if (t instanceof Type.ArrayOf arr) {
            return new Quantifier(q.forall(), slot, arr.element().slots(), null, null, addr(q.domain()), false, arr.size(), body);
        }
        Type.ListOf l = (Type.ListOf) t;
        return new Quantifier(q.forall(), slot, l.element().slots(), null, null, addr(q.domain()), true, 0, body);
    }

    private IntExpr at(Expr.At a) {
        if (model.taskVariableOf(a) instanceof Symbol.Local l) {
            IntExpr.At node = new IntExpr.AtTask(new IntExpr.Local(proc.varOffset[l.index()]), layout.threadBase);
            pendingAt.add(new PendingAt(node, a.label().name()));
            return node;
        }
        int t = -1;
        for (int i = 0; i < scenario.threads().size(); i++) {
            if (scenario.threads().get(i).name().equals(a.thread().name())) t = i;
        }
        if (t < 0) {
            diags.error(a.thread().span(), "scenario " + scenario.name() + " has no thread '" + a.thread().name() + "'");
            return new IntExpr.Const(0);
        }
        IntExpr.At node = new IntExpr.At(layout.threadBase[t], new int[0]);
        pendingAt.add(new PendingAt(node, a.label().name()));
        return node;
    }

    Addr addr(Expr e) {
        Addr out = lowerAddr(e);
        if (nodes != null) nodes.addrs.put(e, out);
        return out;
    }

    private Addr lowerAddr(Expr e) {
        if (e instanceof Expr.Name n) {
            Symbol s = model.symbolOf(n);
            if (s instanceof Symbol.Global g) return new Addr.Fixed(layout.globalAddr[g.index()]);
            if (s instanceof Symbol.Local l) return new Addr.Local(proc.varOffset[l.index()]);
            if (s instanceof Symbol.Bound b) return new Addr.Fixed(layout.boundBase + b.offset());
            throw new IllegalStateException("not a variable: " + n);
        }
        if (e instanceof Expr.Field f) {
            Type tt = model.typeOf(f.target());
            if (tt instanceof Type.Pointer p) {
                Type.Struct st = (Type.Struct) model.typeNamed(p.target());
                int off = st.field(f.field().name()).offset();
                Addr rec = new Addr.Deref(scalar(f.target()), layout.pools.get(p.target()));
                return off == 0 ? rec : new Addr.Offset(rec, off);
            }
            Type.Struct st = (Type.Struct) tt;
            int off = st.field(f.field().name()).offset();
            Addr base = addr(f.target());
            return base.fixed() != null ? new Addr.Fixed(base.fixed() + off) : new Addr.Offset(base, off);
        }
        Expr.Index i = (Expr.Index) e;
        Type t = model.typeOf(i.target());
        IntExpr idx = scalar(i.index());
        Addr base = addr(i.target());
        if (t instanceof Type.ArrayOf arr) {
            int es = arr.element().slots();
            Integer k = idx.constant();
            if (k != null && base.fixed() != null && k >= 0 && k < arr.size()) return new Addr.Fixed(base.fixed() + k * es);
            return new Addr.ArrayElem(base, idx, es, arr.size());
        }
        return new Addr.ListElem(base, idx, ((Type.ListOf) t).element().slots());
    }

    ValueExpr value(Expr e) {
        Type t = model.typeOf(e);
        if (t.isScalar()) return new ValueExpr.Scalar(scalar(e));
        if (e instanceof Expr.StructLit lit) {
            Type.Struct st = (Type.Struct) t;
            int[] offs = new int[lit.fields().size()];
            ValueExpr[] vals = new ValueExpr[offs.length];
            for (int k = 0; k < offs.length; k++) {
                Expr.FieldInit fi = lit.fields().get(k);
                offs[k] = st.field(fi.field().name()).offset();
                vals[k] = value(fi.value());
            }
            return new ValueExpr.Struct(st.slots(), offs, vals);
        }
        return new ValueExpr.Copy(addr(e), t.slots());
    }
}
