package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Expr.BinaryOp;
import org.uffdcheck.lang.ast.Ident;

/** Expressions, by precedence climbing with one method per level; all binary operators associate left. */
final class ExprParser {
    private final TokenCursor in;

    ExprParser(TokenCursor in) { this.in = in; }

    /**
     * A full expression. Quantifiers are also accepted where an operand is expected (so
     * {@code ready && forall i in 0..N: p} needs no parentheses); either way the body extends as far
     * right as possible.
     */
    Expr expr() {
        return in.at(TokenKind.FORALL) || in.at(TokenKind.EXISTS) ? quantifier() : or();
    }

    /** {@code lo..hi} or a single list/array expression; for quantifiers and 'for'. */
    Expr domain() {
        Token first = in.peek();
        Expr lo = or();
        if (!in.accept(TokenKind.DOTDOT)) return lo;
        Expr hi = or();
        return new Expr.Range(lo, hi, in.spanFrom(first));
    }

    /** {@code lo..hi} with both bounds required; for 'select'. */
    Expr.Range range(String context) {
        Token first = in.peek();
        Expr lo = or();
        in.expect(TokenKind.DOTDOT, context);
        Expr hi = or();
        return new Expr.Range(lo, hi, in.spanFrom(first));
    }

    /** Arguments after the '(' has been consumed, through the ')'. */
    List<Expr> arguments() {
        List<Expr> args = new ArrayList<>();
        if (!in.at(TokenKind.RPAREN)) {
            do {
                args.add(expr());
            } while (in.accept(TokenKind.COMMA));
        }
        in.expect(TokenKind.RPAREN, "after arguments");
        return args;
    }

    private Expr quantifier() {
        Token kw = in.advance();
        Ident var = in.expectIdent("a variable name after '" + kw.text() + "'");
        in.expect(TokenKind.IN, "after quantified variable");
        Expr domain = domain();
        in.expect(TokenKind.COLON, "after quantifier domain");
        Expr body = expr();
        return new Expr.Quantifier(kw.is(TokenKind.FORALL), var, domain, body, in.spanFrom(kw));
    }

    private Expr or() {
        Token first = in.peek();
        Expr e = and();
        while (in.accept(TokenKind.OROR)) e = binary(BinaryOp.OR, e, and(), first);
        return e;
    }

    private Expr and() {
        Token first = in.peek();
        Expr e = equality();
        while (in.accept(TokenKind.AND)) e = binary(BinaryOp.AND, e, equality(), first);
        return e;
    }

    private Expr equality() {
        Token first = in.peek();
        Expr e = relational();
        while (true) {
            if (in.accept(TokenKind.EQ)) e = binary(BinaryOp.EQ, e, relational(), first);
            else if (in.accept(TokenKind.NE)) e = binary(BinaryOp.NE, e, relational(), first);
            else return e;
        }
    }

    private Expr relational() {
        Token first = in.peek();
        Expr e = additive();
        while (true) {
            if (in.accept(TokenKind.LT)) e = binary(BinaryOp.LT, e, additive(), first);
            else if (in.accept(TokenKind.LE)) e = binary(BinaryOp.LE, e, additive(), first);
            else if (in.accept(TokenKind.GT)) e = binary(BinaryOp.GT, e, additive(), first);
            else if (in.accept(TokenKind.GE)) e = binary(BinaryOp.GE, e, additive(), first);
            else return e;
        }
    }

    /** Exposed for list capacities, where a '>' must close the type rather than compare. */
    Expr additive() {
        Token first = in.peek();
        Expr e = multiplicative();
        while (true) {
            if (in.accept(TokenKind.PLUS)) e = binary(BinaryOp.ADD, e, multiplicative(), first);
            else if (in.accept(TokenKind.MINUS)) e = binary(BinaryOp.SUB, e, multiplicative(), first);
            else return e;
        }
    }

    private Expr multiplicative() {
        Token first = in.peek();
        Expr e = unary();
        while (true) {
            if (in.accept(TokenKind.STAR)) e = binary(BinaryOp.MUL, e, unary(), first);
            else if (in.accept(TokenKind.SLASH)) e = binary(BinaryOp.DIV, e, unary(), first);
            else if (in.accept(TokenKind.PERCENT)) e = binary(BinaryOp.MOD, e, unary(), first);
            else return e;
        }
    }

    private Expr unary() {
        Token t = in.peek();
        if (in.accept(TokenKind.NOT) || in.accept(TokenKind.MINUS)) {
            Expr operand = unary();
            Expr.UnaryOp op = t.is(TokenKind.NOT) ? Expr.UnaryOp.NOT : Expr.UnaryOp.NEG;
            return new Expr.Unary(op, operand, in.spanFrom(t));
        }
        if (t.is(TokenKind.FORALL) || t.is(TokenKind.EXISTS)) return quantifier();
        return postfix();
    }

    /** A primary followed by field accesses and indexing: also the shape of an assignable place. */
    Expr postfix() {
        Token first = in.peek();
        Expr e = primary();
        while (true) {
            if (in.accept(TokenKind.DOT) || in.accept(TokenKind.ARROW)) {
                // p->f and p.f mean the same: every pointer dereferences on field access.
                Ident field = in.expectIdent("a field name after '.'");
                e = new Expr.Field(e, field, in.spanFrom(first));
            } else if (in.accept(TokenKind.LBRACKET)) {
                Expr index = expr();
                in.expect(TokenKind.RBRACKET, "after index");
                e = new Expr.Index(e, index, in.spanFrom(first));
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case INT -> {
                in.advance();
                return new Expr.IntLit(Lexer.valueOf(t), t.span());
            }
            case TRUE, FALSE -> {
                in.advance();
                return new Expr.BoolLit(t.is(TokenKind.TRUE), t.span());
            }
            case LPAREN -> {
                in.advance();
                Expr inner = expr();
                in.expect(TokenKind.RPAREN, "to close '('");
                return inner;
            }
            case IDENT -> {
                return named();
            }
            default -> throw in.fail(t.span(), "expected an expression, found " + t.describe());
        }
    }

    private Expr named() {
        Token t = in.advance();
        Ident name = new Ident(t.text(), t.span());
        if (in.accept(TokenKind.LPAREN)) {
            List<Expr> args = arguments();
            return new Expr.Call(name, args, in.spanFrom(t));
        }
        if (in.accept(TokenKind.AT)) {
            Ident label = in.expectIdent("a label after '@'");
            return new Expr.At(name, label, t.span().to(label.span()));
        }
        if (looksLikeStructLiteral()) return structLiteral(t, name);
        return new Expr.Name(name, t.span());
    }

    /**
     * NAME '{' is a struct literal only when followed by '}' or 'field:'. Conditions are always
     * parenthesised so the grammar needs no such check, but with it a ')' forgotten before a block's
     * '{' reads as a missing ')' rather than as a broken struct literal.
     */
    private boolean looksLikeStructLiteral() {
        if (!in.at(TokenKind.LBRACE)) return false;
        Token next = in.peek(1);
        return next.is(TokenKind.RBRACE) || (next.is(TokenKind.IDENT) && in.peek(2).is(TokenKind.COLON));
    }

    private Expr structLiteral(Token first, Ident type) {
        in.advance();
        List<Expr.FieldInit> fields = new ArrayList<>();
        while (!in.at(TokenKind.RBRACE)) {
            Ident field = in.expectIdent("a field name in struct literal");
            in.expect(TokenKind.COLON, "after field name");
            Expr value = expr();
            fields.add(new Expr.FieldInit(field, value, field.span().to(in.previous().span())));
            if (!in.accept(TokenKind.COMMA)) break;
        }
        in.expect(TokenKind.RBRACE, "to close struct literal");
        return new Expr.StructLit(type, fields, in.spanFrom(first));
    }

    /** Spans run from the first to the last token, so parentheses around an operand are included. */
    private Expr binary(BinaryOp op, Expr l, Expr r, Token first) {
        return new Expr.Binary(op, l, r, in.spanFrom(first));
    }
}
