package org.uffdcheck.lang.ast;

import java.util.List;
import org.uffdcheck.lang.Span;

/** Statements; each simple statement is one step of its thread. */
public sealed interface Stmt {
    Span span();

    record Block(List<Stmt> stmts, Span span) implements Stmt {}

    /** var NAME: TYPE [= expr]; inside a procedure. */
    record Local(Ident name, TypeExpr type, Expr init, Span span) implements Stmt {}

    /** stack NAME: TYPE; NAME points to an object freed when the procedure returns. */
    record StackVar(Ident name, TypeExpr type, Span span) implements Stmt {}

    /** target = value; value may be a procedure call. */
    record Assign(Expr target, Expr value, Span span) implements Stmt {}

    /** A call for its effect: a procedure or a built-in such as down_write(sem). */
    record Call(Expr.Call call, Span span) implements Stmt {}

    /** orElse is null, a Block, or another If. */
    record If(Expr cond, Block then, Stmt orElse, Span span) implements Stmt {}

    record While(Expr cond, Block body, Span span) implements Stmt {}

    /** for (x in list-or-array-or-range) { } */
    record For(Ident var, Expr domain, Block body, Span span) implements Stmt {}

    record Atomic(Block body, Span span) implements Stmt {}

    /** await cond; blocks the thread until cond holds. */
    record Await(Expr cond, Span span) implements Stmt {}

    /** either { } or { } ...: nondeterministic choice; a branch starting with await is guarded by it. */
    record Either(List<Block> branches, Span span) implements Stmt {}

    /** select target in lo..hi; nondeterministic value. */
    record Select(Expr target, Expr.Range range, Span span) implements Stmt {}

    /** assert cond [, "message"]; */
    record Assert(Expr cond, String message, Span span) implements Stmt {}

    record Return(Expr value, Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    record Skip(Span span) implements Stmt {}

    /**
     * observe NAME(args); labels the step it runs in with what that step lets the outside see. It
     * changes no state and is no step of its own.
     */
    record Observe(Ident name, List<Expr> args, Span span) implements Stmt {}

    /** goto label; jumps to the statement so labelled in the same procedure. */
    record Goto(Ident label, Span span) implements Stmt {}

    /** label: stmt; labels whose name starts with "end" mark places a thread may rest forever. */
    record Labeled(Ident label, Stmt stmt, Span span) implements Stmt {}
}
