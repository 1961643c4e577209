package org.uffdcheck.lang.ast;

import org.uffdcheck.lang.Span;

/** Types as written in the source. */
public sealed interface TypeExpr {
    Span span();

    record Bool(Span span) implements TypeExpr {}

    /** int, or int[lo..hi] when lo and hi are given (both inclusive). */
    record Int(Expr lo, Expr hi, Span span) implements TypeExpr {}

    /** An enum or struct by name. */
    record Named(Ident name, Span span) implements TypeExpr {}

    /** T[N]: N elements. */
    record Array(TypeExpr element, Expr size, Span span) implements TypeExpr {}

    /** list<T, N>: at most N elements. */
    record List(TypeExpr element, Expr capacity, Span span) implements TypeExpr {}

    /** T*: refers to an object of struct type T from T's pool; 0 is null. */
    record Pointer(TypeExpr target, Span span) implements TypeExpr {}

    record RwSem(Span span) implements TypeExpr {}

    record SpinLock(Span span) implements TypeExpr {}
}
