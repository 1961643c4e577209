package org.uffdcheck.compile;

import org.uffdcheck.engine.Fault;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.check.Type;

/**
 * Says what fault a property's node met and where: "index 5 out of 0..2 in flags at m.uffd:12:9".
 * The node's operands have been evaluated without a fault, so the fault is the node's own and its
 * operands' values can be read again to say what was wrong.
 */
final class Faults {
    /** A fault met while evaluating a property, as the report says it. */
    static final class Located extends RuntimeException {
        Located(String message) { super(message, null, false, false); }
    }

    private final PropertyEval ev;

    Faults(PropertyEval ev) { this.ev = ev; }

    Located at(Expr e, RuntimeException x) {
        Fault f = x instanceof FaultException fe ? fe.fault : Fault.ARITHMETIC;
        return new Located(what(e, f) + " at " + e.span().where());
    }

    private String what(Expr e, Fault f) {
        if (e instanceof Expr.Index i && f == Fault.INDEX_OUT_OF_BOUNDS) {
            int k = ev.value(i.index());
            String target = ev.path(i.target());
            if (ev.typeOf(i.target()) instanceof Type.ArrayOf a) return "index " + k + " out of 0.." + (a.size() - 1) + " in " + target;
            int n = ev.s[ev.address(i.target())];
            return n == 0 ? "index " + k + " into the empty list " + target
                    : "index " + k + " out of 0.." + (n - 1) + " in the list " + target;
        }
        if (e instanceof Expr.Field fl && (f == Fault.NULL_DEREF || f == Fault.USE_AFTER_FREE)) {
            String ptr = ev.path(fl.target());
            if (f == Fault.NULL_DEREF) return "null pointer dereference: " + ptr + " is null";
            String obj = ev.shown(fl.target());
            return "use after free: " + (ptr.equals(obj) ? obj : ptr + " points to " + obj) + ", which is freed";
        }
        if (e instanceof Expr.Binary b && f == Fault.ARITHMETIC) {
            int l = ev.value(b.left()), r = ev.value(b.right());
            boolean div = b.op() == Expr.BinaryOp.DIV || b.op() == Expr.BinaryOp.MOD;
            return (div && r == 0 ? "division by zero: " : "integer overflow: ") + l + " " + b.op().symbol + " " + r;
        }
        if (e instanceof Expr.Unary u && f == Fault.ARITHMETIC) return "integer overflow: -(" + ev.value(u.operand()) + ")";
        return f.description;
    }
}
