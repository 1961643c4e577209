package org.uffdcheck.lang.ast;

import java.util.List;
import org.uffdcheck.lang.Span;

/** Top-level declarations of a model file. */
public sealed interface Decl {
    Span span();

    /** include "path"; resolved relative to the including file. */
    record Include(String path, Span pathSpan, Span span) implements Decl {}

    /** const NAME = expr; a compile-time integer. */
    record Const(Ident name, Expr value, Span span) implements Decl {}

    record Enum(Ident name, List<Ident> members, Span span) implements Decl {}

    record Struct(Ident name, List<Field> fields, Span span) implements Decl {}

    record Field(Ident name, TypeExpr type, Span span) {}

    /** var NAME: TYPE [= expr]; at top level: shared by all threads. */
    record Global(Ident name, TypeExpr type, Expr init, Span span) implements Decl {}

    /** proc NAME(params) [: TYPE] { body }; returnType is null for no value. */
    record Proc(Ident name, List<Param> params, TypeExpr returnType, Stmt.Block body, Span span) implements Decl {}

    record Param(Ident name, TypeExpr type, Span span) {}

    /**
     * invariant NAME: expr;  reachable NAME: expr;  eventually NAME: expr;  or
     * leadsto NAME: premise ~> expr; premise is null for every kind but LEADSTO.
     */
    record Property(PropertyKind kind, Ident name, Expr premise, Expr expr, Span span) implements Decl {}

    enum PropertyKind {
        INVARIANT, REACHABLE, EVENTUALLY, LEADSTO;

        /** The keyword that declares it. */
        public String keyword() { return name().toLowerCase(java.util.Locale.ROOT); }

        public boolean liveness() { return this == EVENTUALLY || this == LEADSTO; }
    }

    /** pool T[N]; at most N objects of struct T are ever allocated in one run. */
    record Pool(Ident type, Expr size, Span span) implements Decl {}

    /** forbid_user_wait lock-or-Struct.field; no thread may wait for user space holding it. */
    record ForbidUserWait(java.util.List<Ident> path, Span span) implements Decl {}

    record Scenario(Ident name, List<ScenarioItem> items, Span span) implements Decl {}
}
