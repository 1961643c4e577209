package org.uffdcheck.compile;

import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Stmt;
import org.uffdcheck.lang.check.Builtin;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * Which statements touch only their own thread's frame. Such a step commutes with every step of
 * every other thread and no property can see it, so the explorer may run it as part of the step
 * before it (the "merge local steps" reduction). Conservative: anything that reads or writes a
 * global, a heap object, a lock or a list, or another thread's position, is not local.
 */
final class Locality {
    private final CheckedModel model;

    Locality(CheckedModel model) { this.model = model; }

    /** For the simple statements and the tests of if/while/for; compound bodies are judged per statement. */
    boolean local(Stmt s) {
        if (s instanceof Stmt.Skip) return true;
        if (s instanceof Stmt.Local l) return l.init() == null || valueLocal(l.init());
        if (s instanceof Stmt.Assign a) return lvalueLocal(a.target()) && valueLocal(a.value());
        if (s instanceof Stmt.If i) return expr(i.cond());
        if (s instanceof Stmt.While w) return expr(w.cond());
        if (s instanceof Stmt.For f) {
            return f.domain() instanceof Expr.Range r ? expr(r.lo()) && expr(r.hi()) : lvalueLocal(f.domain());
        }
        if (s instanceof Stmt.Select sel) {
            return lvalueLocal(sel.target()) && expr(sel.range().lo()) && expr(sel.range().hi());
        }
        if (s instanceof Stmt.Assert a) return expr(a.cond());
        return false;
    }

    /** A value to store: a procedure call is not local (its body decides), nor a state-changing built-in. */
    private boolean valueLocal(Expr e) {
        if (e instanceof Expr.Call c && !(model.callee(c) instanceof Builtin b && !b.effect)) return false;
        return expr(e);
    }

    /** A place in this thread's frame: a local variable, or a part of one reached without a pointer. */
    private boolean lvalueLocal(Expr e) {
        if (e instanceof Expr.Name n) return model.symbolOf(n) instanceof Symbol.Local;
        if (e instanceof Expr.Field f) {
            return !(model.typeOf(f.target()) instanceof Type.Pointer) && lvalueLocal(f.target());
        }
        if (e instanceof Expr.Index i) return lvalueLocal(i.target()) && expr(i.index());
        return false;
    }

    boolean expr(Expr e) {
        if (e instanceof Expr.IntLit || e instanceof Expr.BoolLit) return true;
        if (e instanceof Expr.Name n) {
            Symbol s = model.symbolOf(n);
            return !(s instanceof Symbol.Global);
        }
        if (e instanceof Expr.Field || e instanceof Expr.Index) return lvalueLocal(e);
        if (e instanceof Expr.Unary u) return expr(u.operand());
        if (e instanceof Expr.Binary b) return expr(b.left()) && expr(b.right());
        if (e instanceof Expr.Call c) {
            if (!(model.callee(c) instanceof Builtin b) || b.effect) return false;
            if (b == Builtin.SIGNAL_PENDING || b == Builtin.FATAL_SIGNAL_PENDING) return false;
            for (Expr a : c.args()) if (!expr(a)) return false;
            return true;
        }
        if (e instanceof Expr.StructLit s) {
            for (Expr.FieldInit f : s.fields()) if (!expr(f.value())) return false;
            return true;
        }
        if (e instanceof Expr.Quantifier q) {
            return (q.domain() instanceof Expr.Range r ? expr(r.lo()) && expr(r.hi()) : lvalueLocal(q.domain()))
                    && expr(q.body());
        }
        return false;
    }
}
