package org.uffdcheck.lang.check;

import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.ast.Expr;

/**
 * Folds expressions made of literals, constants and enum members, in 32 bits as the language's
 * int. A constant that would overflow or divide by zero is a mistake in the model, reported as
 * such where it happens rather than as "not a constant".
 */
public final class ConstEval {
    private ConstEval() {}

    /**
     * Why an expression has no constant value. The message follows what the caller was folding
     * ("array size" + message); a null message means the cause has been reported already.
     */
    static final class Failure extends Exception {
        final Span span;

        Failure(Span span, String message) {
            super(message, null, false, false);
            this.span = span;
        }
    }

    /** The value, or null when there is none for any reason (nothing is reported). */
    static Integer eval(Expr e, Names names) {
        try {
            return value(e, names);
        } catch (Failure f) {
            return null;
        }
    }

    static int value(Expr e, Names names) throws Failure {
        if (e instanceof Expr.IntLit l) return literal(l.value(), l.span());
        if (e instanceof Expr.BoolLit b) return b.value() ? 1 : 0;
        if (e instanceof Expr.Name n) return name(n, names);
        if (e instanceof Expr.Unary u) {
            // -2147483648 is one literal to the reader, though 2147483648 alone does not fit.
            if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit l) return literal(-l.value(), u.span());
            int v = value(u.operand(), names);
            if (u.op() == Expr.UnaryOp.NOT) return v == 0 ? 1 : 0;
            if (v == Integer.MIN_VALUE) throw new Failure(u.span(), ": -(" + v + ") does not fit in 32 bits");
            return -v;
        }
        if (e instanceof Expr.Binary b) {
            int l = value(b.left(), names);
            int r = value(b.right(), names);
            return apply(b, l, r);
        }
        throw new Failure(e.span(), " must be a constant");
    }

    private static int literal(long v, Span span) throws Failure {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new Failure(span, ": integer " + v + " does not fit in 32 bits");
        return (int) v;
    }

    private static int name(Expr.Name n, Names names) throws Failure {
        String id = n.ident().name();
        Symbol s = names.values.get(id);
        if (s instanceof Symbol.Const c) return c.value();
        if (s instanceof Symbol.EnumMember m) return m.ordinal();
        if (names.broken.contains(id)) throw new Failure(n.span(), null);
        if (s == null && !names.globals.contains(id)) throw new Failure(n.span(), ": unknown constant '" + id + "'");
        throw new Failure(n.span(), " must be a constant; '" + id + "' is a variable");
    }

    private static int apply(Expr.Binary b, int l, int r) throws Failure {
        if ((b.op() == Expr.BinaryOp.DIV || b.op() == Expr.BinaryOp.MOD) && r == 0) {
            throw new Failure(b.span(), ": division by zero in " + l + " " + b.op().symbol + " 0");
        }
        try {
            return apply(b.op(), l, r);
        } catch (ArithmeticException overflow) {
            long exact = switch (b.op()) {
                case ADD -> (long) l + r;
                case SUB -> (long) l - r;
                case MUL -> (long) l * r;
                default -> (long) l / r;  // INT_MIN / -1 and INT_MIN % -1: the quotient is what does not fit
            };
            throw new Failure(b.span(), ": " + l + " " + b.op().symbol + " " + r + " = " + exact + " does not fit in 32 bits");
        }
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
