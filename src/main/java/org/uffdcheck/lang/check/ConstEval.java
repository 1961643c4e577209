package org.uffdcheck.lang.check;

import org.uffdcheck.lang.ast.Expr;

/** Folds expressions made of literals, constants and enum members. */
public final class ConstEval {
    private ConstEval() {}

    static Integer eval(Expr e, Names names) {
        try {
            return fold(e, names);
        } catch (ArithmeticException ex) {
            return null;
        }
    }

    private static Integer fold(Expr e, Names names) {
        if (e instanceof Expr.IntLit l) {
            return l.value() >= Integer.MIN_VALUE && l.value() <= Integer.MAX_VALUE ? (int) l.value() : null;
        }
        if (e instanceof Expr.BoolLit b) return b.value() ? 1 : 0;
        if (e instanceof Expr.Name n) {
            Symbol s = names.values.get(n.ident().name());
            if (s instanceof Symbol.Const c) return c.value();
            if (s instanceof Symbol.EnumMember m) return m.ordinal();
            return null;
        }
        if (e instanceof Expr.Unary u) {
            Integer v = fold(u.operand(), names);
            if (v == null) return null;
            return u.op() == Expr.UnaryOp.NOT ? (v == 0 ? 1 : 0) : Math.negateExact(v);
        }
        if (e instanceof Expr.Binary b) {
            Integer l = fold(b.left(), names);
            Integer r = fold(b.right(), names);
            if (l == null || r == null) return null;
            return apply(b.op(), l, r);
        }
        return null;
    }

    /** A binary operator on two values, as the run time computes it; overflow and division by zero throw. */
    public static int apply(Expr.BinaryOp op, int l, int r) {
        return switch (op) {
            case OR -> (l != 0 || r != 0) ? 1 : 0;
            case AND -> (l != 0 && r != 0) ? 1 : 0;
            case EQ -> l == r ? 1 : 0;
            case NE -> l != r ? 1 : 0;
            case LT -> l < r ? 1 : 0;
            case LE -> l <= r ? 1 : 0;
            case GT -> l > r ? 1 : 0;
            case GE -> l >= r ? 1 : 0;
            case ADD -> Math.addExact(l, r);
            case SUB -> Math.subtractExact(l, r);
            case MUL -> Math.multiplyExact(l, r);
            case DIV, MOD -> {
                // As at run time: INT_MIN / -1 and INT_MIN % -1 overflow, as in C.
                if (r == -1 && l == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
                yield op == Expr.BinaryOp.DIV ? l / r : l % r;
            }
        };
    }
}
