package org.uffdcheck.conform;

import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.ModelFile;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ConstEval;
import org.uffdcheck.lang.check.Symbol;

/**
 * Values of the arguments a scenario passes to the set-up and thread procedures: literals,
 * constants, enum members and the parameters of the procedure being walked (env, by index).
 * Null for anything that is not known before the run.
 */
final class ConstArgs {
    private final CheckedModel model;

    ConstArgs(CheckedModel model) {
        this.model = model;
    }

    /** A top-level constant's value, or null when the model declares none of that name. */
    Integer named(String name) {
        for (ModelFile f : model.program.files()) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.Const c && c.name().name().equals(name)) return eval(c.value(), new int[0]);
            }
        }
        return null;
    }

    Integer eval(Expr e, int[] env) {
        if (e instanceof Expr.IntLit i) return (int) i.value();
        if (e instanceof Expr.BoolLit b) return b.value() ? 1 : 0;
        if (e instanceof Expr.Name n) return name(n, env);
        if (e instanceof Expr.Unary u) {
            Integer v = eval(u.operand(), env);
            return v == null ? null : u.op() == Expr.UnaryOp.NEG ? -v : v == 0 ? 1 : 0;
        }
        if (e instanceof Expr.Binary b) {
            Integer l = eval(b.left(), env);
            Integer r = eval(b.right(), env);
            boolean byZero = (b.op() == Expr.BinaryOp.DIV || b.op() == Expr.BinaryOp.MOD) && r != null && r == 0;
            if (l == null || r == null || byZero) return null;
            try {
                return ConstEval.apply(b.op(), l, r);
            } catch (ArithmeticException overflow) {
                return null;
            }
        }
        return null;
    }

    private Integer name(Expr.Name n, int[] env) {
        Symbol s = model.symbolOf(n);
        if (s instanceof Symbol.Const c) return c.value();
        if (s instanceof Symbol.EnumMember m) return m.ordinal();
        if (s instanceof Symbol.Local l) return l.index() < env.length ? env[l.index()] : null;
        return s == null ? named(n.ident().name()) : null;
    }
}
