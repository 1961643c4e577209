package org.uffdcheck.lang.check;

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
            if (found == null) diags.error(n.name().span(), "unknown type '" + n.name().name() + "'");
            return found;
        }
        if (t instanceof TypeExpr.Array a) {
            Type el = resolve(a.element());
            Integer size = size(a.size(), "array size");
            return el == null || size == null ? null : new Type.ArrayOf(el, size);
        }
        TypeExpr.List l = (TypeExpr.List) t;
        Type el = resolve(l.element());
        Integer cap = size(l.capacity(), "list capacity");
        if (el instanceof Type.RwSem || el instanceof Type.SpinLock) {
            diags.error(l.element().span(), "a list cannot hold locks; use an array");
            return null;
        }
        return el == null || cap == null ? null : new Type.ListOf(el, cap);
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

    Integer constant(Expr e, String what) {
        Integer v = ConstEval.eval(e, names);
        if (v == null && e instanceof Expr.Name n && !names.values.containsKey(n.ident().name())) {
            diags.error(e.span(), what + ": unknown constant '" + n.ident().name() + "'");
        } else if (v == null) {
            diags.error(e.span(), what + " must be a constant");
        }
        return v;
    }
}
