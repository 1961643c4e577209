package org.uffdcheck.lang.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Expr;

/** Types expressions and resolves the names and calls in them. */
class ExprChecker {
    final Names names;
    final CheckedModel out;
    final Diagnostics diags;
    /** Locals of the procedure being checked, or only quantifier variables outside procedures. */
    Scope scope = new Scope();
    int boundSlots;
    /** The procedure whose body is being checked, to record whom it calls. */
    ProcInfo caller;

    ExprChecker(Names names, CheckedModel out, Diagnostics diags) {
        this.names = names;
        this.out = out;
        this.diags = diags;
    }

    /** Types e; returns null (after reporting) when it has no sensible type. */
    Type check(Expr e) {
        Type t = typeOf(e);
        if (t != null) out.types.put(e, t);
        return t;
    }

    /** Checks e and reports unless its type can be stored in a variable of type want. */
    void expect(Expr e, Type want, String what) {
        Type t = check(e);
        if (t != null && !Type.assignable(want, t)) {
            diags.error(e.span(), what + ": expected " + want.show() + ", found " + t.show());
        }
    }

    private Type typeOf(Expr e) {
        if (e instanceof Expr.IntLit l) {
            if (l.value() < Integer.MIN_VALUE || l.value() > Integer.MAX_VALUE) {
                diags.error(l.span(), "integer " + l.value() + " does not fit in 32 bits");
            }
            return Type.Int.ANY;
        }
        if (e instanceof Expr.BoolLit) return new Type.Bool();
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Field f) return field(f);
        if (e instanceof Expr.Index i) return index(i);
        if (e instanceof Expr.Unary u) return unary(u);
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call c) return call(c, false);
        if (e instanceof Expr.StructLit s) return structLit(s);
        if (e instanceof Expr.Quantifier q) return quantifier(q);
        if (e instanceof Expr.Range r) {
            diags.error(r.span(), "a range lo..hi can only follow 'in'");
            return null;
        }
        Expr.At a = (Expr.At) e;
        // A task variable of the procedure names the thread at run time; any other name is a
        // scenario thread, resolved when a scenario is compiled.
        Symbol v = scope.lookup(a.thread().name());
        if (v instanceof Symbol.Local && v.type() instanceof Type.Task) out.names.put(a, v);
        if (!names.labels.contains(a.label().name())) {
            diags.error(a.label().span(), "unknown label '" + a.label().name() + "'");
        }
        return new Type.Bool();
    }

    private Type name(Expr.Name n) {
        String id = n.ident().name();
        Symbol s = scope.lookup(id);
        if (s == null) s = names.values.get(id);
        if (s == null) {
            if (names.broken.contains(id)) {
                return null;
            } else if (names.procs.containsKey(id)) {
                diags.error(n.span(), "'" + id + "' is a procedure; call it as " + id + "(...)");
            } else if (names.types.containsKey(id)) {
                diags.error(n.span(), "'" + id + "' is a type, not a value");
            } else {
                diags.error(n.span(), "unknown name '" + id + "'");
            }
            return null;
        }
        out.names.put(n, s);
        return s.type();
    }

    private Type field(Expr.Field f) {
        Type t = check(f.target());
        if (t == null) return null;
        if (t instanceof Type.Pointer p) t = names.types.get(p.target());
        if (!(t instanceof Type.Struct st)) {
            diags.error(f.field().span(), "'" + f.field().name() + "': " + t.show() + " has no fields");
            return null;
        }
        Type.Field fd = st.field(f.field().name());
        if (fd == null) {
            diags.error(f.field().span(), "struct " + st.name() + " has no field '" + f.field().name() + "'");
            return null;
        }
        return fd.type();
    }

    private Type index(Expr.Index i) {
        Type t = check(i.target());
        expect(i.index(), Type.Int.ANY, "index");
        if (t == null) return null;
        if (t instanceof Type.ArrayOf a) return a.element();
        if (t instanceof Type.ListOf l) return l.element();
        diags.error(i.target().span(), "cannot index a value of type " + t.show());
        return null;
    }

    private Type unary(Expr.Unary u) {
        if (u.op() == Expr.UnaryOp.NOT) {
            expect(u.operand(), new Type.Bool(), "operand of '!'");
            return new Type.Bool();
        }
        // -2147483648 is the least int, though 2147483648 alone does not fit.
        if (u.operand() instanceof Expr.IntLit l && l.value() == 1L << 31) return Type.Int.ANY;
        expect(u.operand(), Type.Int.ANY, "operand of '-'");
        return Type.Int.ANY;
    }

    private Type binary(Expr.Binary b) {
        switch (b.op()) {
            case OR, AND -> {
                expect(b.left(), new Type.Bool(), "operand of '" + b.op().symbol + "'");
                expect(b.right(), new Type.Bool(), "operand of '" + b.op().symbol + "'");
                return new Type.Bool();
            }
            case EQ, NE -> {
                Type l = check(b.left());
                Type r = check(b.right());
                if (l != null && r != null) {
                    if (!Type.assignable(l, r) && !Type.assignable(r, l)) {
                        diags.error(b.span(), "cannot compare " + l.show() + " with " + r.show());
                    } else if (l instanceof Type.RwSem || l instanceof Type.SpinLock) {
                        diags.error(b.span(), "locks cannot be compared");
                    } else if (!l.isScalar() && (b.left() instanceof Expr.StructLit || b.right() instanceof Expr.StructLit)) {
                        diags.error(b.span(), "compare a struct field by field, not with a literal");
                    }
                }
                return new Type.Bool();
            }
            case LT, LE, GT, GE -> {
                if (b.left() instanceof Expr.Binary lb && isComparison(lb.op())) {
                    diags.error(b.span(), "comparisons do not chain; write a < b && b < c");
                    // The left side is a bool by construction; saying so again would only repeat the above.
                    check(b.left());
                    expect(b.right(), Type.Int.ANY, "operand of '" + b.op().symbol + "'");
                    return new Type.Bool();
                }
                expect(b.left(), Type.Int.ANY, "operand of '" + b.op().symbol + "'");
                expect(b.right(), Type.Int.ANY, "operand of '" + b.op().symbol + "'");
                return new Type.Bool();
            }
            default -> {
                expect(b.left(), Type.Int.ANY, "operand of '" + b.op().symbol + "'");
                expect(b.right(), Type.Int.ANY, "operand of '" + b.op().symbol + "'");
                return Type.Int.ANY;
            }
        }
    }

    private static boolean isComparison(Expr.BinaryOp op) {
        return op == Expr.BinaryOp.LT || op == Expr.BinaryOp.LE || op == Expr.BinaryOp.GT || op == Expr.BinaryOp.GE;
    }

    /**
     * Types a call. Procedures and state-changing built-ins are allowed only where statementTop
     * is set: a call that changes the state is a step of its own, not part of an expression.
     */
    Type call(Expr.Call c, boolean statementTop) {
        String id = c.callee().name();
        ProcInfo p = names.procs.get(id);
        if (p != null) {
            out.calls.put(c, p);
            if (caller != null) caller.callees.add(p);
            if (!statementTop) {
                diags.error(c.span(), "a procedure call is a statement of its own: write x = " + id + "(...);");
            }
            List<Symbol.Local> params = p.params();
            if (c.args().size() != params.size()) {
                diags.error(c.span(), id + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                        + ", found " + c.args().size());
            }
            for (int i = 0; i < c.args().size(); i++) {
                if (i < params.size()) expect(c.args().get(i), params.get(i).type(), "argument " + (i + 1) + " of " + id);
                else check(c.args().get(i));
            }
            return p.returnType;
        }
        Builtin b = Builtin.named(id);
        if (b == null) {
            diags.error(c.callee().span(), "unknown procedure '" + id + "'");
            for (Expr a : c.args()) check(a);
            return null;
        }
        out.calls.put(c, b);
        if (b == Builtin.SHOULD_FAIL && !statementTop) {
            diags.error(c.span(), "should_fail is a choice of its own: it stands alone as an if condition or an assignment's value");
        } else if (b.effect && !statementTop) {
            diags.error(c.span(), id + " changes the state, so it is a statement of its own");
        }
        if (c.args().size() != b.arity) {
            diags.error(c.span(), id + " takes " + b.arity + " argument" + (b.arity == 1 ? "" : "s")
                    + ", found " + c.args().size());
            for (Expr a : c.args()) check(a);
            return null;
        }
        return BuiltinTypes.check(this, b, c);
    }

    private Type structLit(Expr.StructLit s) {
        Type t = names.types.get(s.type().name());
        if (!(t instanceof Type.Struct st)) {
            diags.error(s.type().span(), "unknown struct '" + s.type().name() + "'");
            for (Expr.FieldInit fi : s.fields()) check(fi.value());
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (Expr.FieldInit fi : s.fields()) {
            Type.Field fd = st.field(fi.field().name());
            if (fd == null) {
                diags.error(fi.field().span(), "struct " + st.name() + " has no field '" + fi.field().name() + "'");
                check(fi.value());
            } else if (!seen.add(fd.name())) {
                diags.error(fi.field().span(), "field '" + fd.name() + "' given twice");
            } else {
                expect(fi.value(), fd.type(), "field " + fd.name());
            }
        }
        return st;
    }

    private Type quantifier(Expr.Quantifier q) {
        Type varType = domain(q.domain());
        scope.push();
        if (varType != null) {
            Symbol.Bound b = new Symbol.Bound(q.var().name(), varType, boundSlots);
            long after = (long) boundSlots + varType.slots();
            if (Sizes.fits(boundSlots) && !Sizes.fits(after)) {
                diags.error(q.var().span(), "with " + q.var().name() + ", the variables of forall and exists need "
                        + Sizes.over(after));
            }
            // Past the limit the count only has to stay past it, not be exact.
            boundSlots = (int) Math.min(after, Sizes.MAX_STATE_SLOTS + 1L);
            scope.declare(q.var().name(), b);
            out.declared.put(q, b);
        }
        expect(q.body(), new Type.Bool(), "body of " + (q.forall() ? "forall" : "exists"));
        scope.pop();
        return new Type.Bool();
    }

    /** Checks the domain of for/forall/exists; returns the type of its variable. */
    Type domain(Expr d) {
        if (d instanceof Expr.Range r) {
            expect(r.lo(), Type.Int.ANY, "start of range");
            expect(r.hi(), Type.Int.ANY, "end of range");
            return Type.Int.ANY;
        }
        Type t = check(d);
        if (t == null) return null;
        if (t instanceof Type.ArrayOf a) return a.element();
        if (t instanceof Type.ListOf l) return l.element();
        diags.error(d.span(), "cannot iterate over " + t.show() + "; expected a list, an array or lo..hi");
        return null;
    }

    /** The value of a constant expression, or null if it is not one (nothing reported). */
    Integer constValue(Expr e) {
        return ConstEval.eval(e, names);
    }
}
