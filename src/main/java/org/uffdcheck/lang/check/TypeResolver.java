package org.uffdcheck.lang.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.TypeExpr;

/** Turns types as written into checked types, folding sizes and bounds to constants. */
final class TypeResolver {
    /** Keeps a careless size from asking for gigabytes of state. */
    static final int MAX_ELEMENTS = 4096;

    private final Names names;
    private final Diagnostics diags;

    TypeResolver(Names names, Diagnostics diags) {
        this.names = names;
        this.diags = diags;
    }

    Type resolve(TypeExpr t) {
        if (t instanceof TypeExpr.Bool) return new Type.Bool();
        if (t instanceof TypeExpr.RwSem) return new Type.RwSem();
        if (t instanceof TypeExpr.SpinLock) return new Type.SpinLock();
        if (t instanceof TypeExpr.Int i) {
            if (i.lo() == null) return Type.Int.ANY;
            Integer lo = constant(i.lo(), "lower bound");
            Integer hi = constant(i.hi(), "upper bound");
            if (lo == null || hi == null) return null;
            if (lo > hi) {
                diags.error(t.span(), "empty range: " + lo + " is greater than " + hi);
                return null;
            }
            return new Type.Int(lo, hi, true);
        }
        if (t instanceof TypeExpr.Pointer p) {
            if (p.target() instanceof TypeExpr.Named n && names.structs.contains(n.name().name())) {
                return new Type.Pointer(n.name().name());
            }
            diags.error(p.span(), "a pointer must point to a struct");
            return null;
        }
        if (t instanceof TypeExpr.Named n) {
            Type found = names.types.get(n.name().name());
            if (found == null && !names.broken.contains(n.name().name())) {
                diags.error(n.name().span(), "unknown type '" + n.name().name() + "'");
            }
            return found;
        }
        if (t instanceof TypeExpr.Array a) return array(a);
        TypeExpr.List l = (TypeExpr.List) t;
        Type el = resolve(l.element());
        Integer cap = size(l.capacity(), "list capacity");
        if (el instanceof Type.RwSem || el instanceof Type.SpinLock) {
            diags.error(l.element().span(), "a list cannot hold locks; use an array");
            return null;
        }
        if (el == null || cap == null) return null;
        return fits(l, BigInteger.valueOf(el.slots()).multiply(BigInteger.valueOf(cap)).add(BigInteger.ONE))
                ? new Type.ListOf(el, cap) : null;
    }

    /**
     * T[a][b]... as written, all its sizes at once, so that a type too big is reported once with its
     * whole size (exact, however many dimensions). Inner sizes are folded first, as they nest.
     */
    private Type array(TypeExpr.Array outer) {
        List<Expr> dims = new ArrayList<>();
        TypeExpr t = outer;
        while (t instanceof TypeExpr.Array a) {
            dims.add(a.size());
            t = a.element();
        }
        Type el = resolve(t);
        int[] sizes = new int[dims.size()];
        boolean ok = el != null;
        for (int i = dims.size() - 1; i >= 0; i--) {
            Integer n = size(dims.get(i), "array size");
            if (n == null) ok = false;
            else sizes[i] = n;
        }
        if (!ok) return null;
        BigInteger slots = BigInteger.valueOf(el.slots());
        for (int n : sizes) slots = slots.multiply(BigInteger.valueOf(n));
        if (!fits(outer, slots)) return null;
        for (int i = sizes.length - 1; i >= 0; i--) el = new Type.ArrayOf(el, sizes[i]);
        return el;
    }

    /** Every type the checker makes fits a state, so sizes computed from types cannot overflow. */
    private boolean fits(TypeExpr t, BigInteger slots) {
        if (slots.compareTo(BigInteger.valueOf(Sizes.MAX_STATE_SLOTS)) <= 0) return true;
        diags.error(t.span(), "this type needs " + Sizes.over(slots));
        return false;
    }

    private Integer size(Expr e, String what) {
        Integer v = constant(e, what);
        if (v == null) return null;
        if (v < 1 || v > MAX_ELEMENTS) {
            diags.error(e.span(), what + " must be between 1 and " + MAX_ELEMENTS + ", found " + v);
            return null;
        }
        return v;
    }

    /** The value of a constant expression, or null after reporting why it has none. */
    Integer constant(Expr e, String what) {
        try {
            return ConstEval.value(e, names);
        } catch (ConstEval.Failure f) {
            if (f.getMessage() != null) diags.error(f.span, what + f.getMessage());
            return null;
        }
    }
}
