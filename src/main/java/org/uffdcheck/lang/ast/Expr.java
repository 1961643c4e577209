package org.uffdcheck.lang.ast;

import java.util.List;
import org.uffdcheck.lang.Span;

/** Expressions. */
public sealed interface Expr {
    Span span();

    record IntLit(long value, Span span) implements Expr {}

    record BoolLit(boolean value, Span span) implements Expr {}

    /** A variable, constant, enum member or thread name. */
    record Name(Ident ident, Span span) implements Expr {}

    record Field(Expr target, Ident field, Span span) implements Expr {}

    record Index(Expr target, Expr index, Span span) implements Expr {}

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

    /** A built-in (len, contains, ...) or, at the top of a statement, a procedure. */
    record Call(Ident callee, List<Expr> args, Span span) implements Expr {}

    /** Name { field: expr, ... } */
    record StructLit(Ident type, List<FieldInit> fields, Span span) implements Expr {}

    record FieldInit(Ident field, Expr value, Span span) {}

    /** forall x in domain: body,  exists x in domain: body */
    record Quantifier(boolean forall, Ident var, Expr domain, Expr body, Span span) implements Expr {}

    /** lo..hi, both inclusive; only as the domain of for, select or a quantifier. */
    record Range(Expr lo, Expr hi, Span span) implements Expr {}

    /** thread@label: the thread is at the labelled statement. */
    record At(Ident thread, Ident label, Span span) implements Expr {}

    enum UnaryOp { NOT, NEG }

    enum BinaryOp {
        OR("||"), AND("&&"), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%");

        public final String symbol;

        BinaryOp(String symbol) { this.symbol = symbol; }
    }
}
