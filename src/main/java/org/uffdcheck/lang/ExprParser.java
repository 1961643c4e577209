package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Expr.BinaryOp;
import org.uffdcheck.lang.ast.Ident;

/**
 * Expressions, by precedence climbing; all binary operators associate left. Trees deeper than
 * {@link Nesting#LIMIT} are refused here, so that later passes may recurse on them.
 */
final class ExprParser {
    private static final Map<TokenKind, BinaryOp> OPERATORS = new EnumMap<>(Map.ofEntries(
            Map.entry(TokenKind.OROR, BinaryOp.OR), Map.entry(TokenKind.AND, BinaryOp.AND),
            Map.entry(TokenKind.EQ, BinaryOp.EQ), Map.entry(TokenKind.NE, BinaryOp.NE),
            Map.entry(TokenKind.LT, BinaryOp.LT), Map.entry(TokenKind.LE, BinaryOp.LE),
            Map.entry(TokenKind.GT, BinaryOp.GT), Map.entry(TokenKind.GE, BinaryOp.GE),
            Map.entry(TokenKind.PLUS, BinaryOp.ADD), Map.entry(TokenKind.MINUS, BinaryOp.SUB),
            Map.entry(TokenKind.STAR, BinaryOp.MUL), Map.entry(TokenKind.SLASH, BinaryOp.DIV),
            Map.entry(TokenKind.PERCENT, BinaryOp.MOD)));

    private final TokenCursor in;
    /** Height of each inner node built so far, so that a too-deep tree is refused while it is parsed. */
    private final Map<Expr, Integer> heights = new IdentityHashMap<>();
    /** Nesting of unary() and quantifier() calls, which parentheses deepen without deepening the tree. */
    private final Nesting.Depth depth;

    ExprParser(TokenCursor in) {
        this.in = in;
        this.depth = new Nesting.Depth(in, "expression");
    }

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
        return grown(new Expr.Range(lo, hi, in.spanFrom(first)), first, lo, hi);
    }

    /** {@code lo..hi} with both bounds required; for 'select'. */
    Expr.Range range(String context) {
        Token first = in.peek();
        Expr lo = or();
        in.expect(TokenKind.DOTDOT, context);
        Expr hi = or();
        return grown(new Expr.Range(lo, hi, in.spanFrom(first)), first, lo, hi);
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

    private Expr quantifier() { return depth.nest(this::quantifierBody); }

    private Expr quantifierBody() {
        Token kw = in.advance();
        Ident var = in.expectIdent("a variable name after '" + kw.text() + "'");
        in.expect(TokenKind.IN, "after quantified variable");
        Expr domain = domain();
        in.expect(TokenKind.COLON, "after quantifier domain");
        Expr body = expr();
        return grown(new Expr.Quantifier(kw.is(TokenKind.FORALL), var, domain, body, in.spanFrom(kw)), kw, domain, body);
    }

    private Expr or() { return binary(0); }

    /** Exposed for list capacities, where a '>' must close the type rather than compare. */
    Expr additive() { return binary(precedence(BinaryOp.ADD)); }

    /**
     * Operators binding at least as tightly as minPrecedence, each chain left-associative. Spans run
     * from a chain's first token, so parentheses around an operand are included.
     */
    private Expr binary(int minPrecedence) {
        Token first = in.peek();
        Expr e = unary();
        while (true) {
            BinaryOp op = OPERATORS.get(in.peek().kind());
            if (op == null || precedence(op) < minPrecedence) return e;
            Token at = in.advance();
            Expr r = binary(precedence(op) + 1);
            e = grown(new Expr.Binary(op, e, r, in.spanFrom(first)), at, e, r);
        }
    }

    private static int precedence(BinaryOp op) {
        return switch (op) {
            case OR -> 0;
            case AND -> 1;
            case EQ, NE -> 2;
            case LT, LE, GT, GE -> 3;
            case ADD, SUB -> 4;
            case MUL, DIV, MOD -> 5;
        };
    }

    /** Every cycle of the recursion passes through here or quantifier(), so both count a level. */
    private Expr unary() {
        depth.enter();
        try {
            Token t = in.peek();
            if (in.accept(TokenKind.NOT) || in.accept(TokenKind.MINUS)) {
                Expr operand = unary();
                Expr.UnaryOp op = t.is(TokenKind.NOT) ? Expr.UnaryOp.NOT : Expr.UnaryOp.NEG;
                return grown(new Expr.Unary(op, operand, in.spanFrom(t)), t, operand);
            }
            if (t.is(TokenKind.FORALL) || t.is(TokenKind.EXISTS)) return quantifier();
            return postfix();
        } finally {
            depth.leave();
        }
    }

    /** A primary followed by field accesses and indexing: also the shape of an assignable place. */
    Expr postfix() {
        Token first = in.peek();
        Expr e = primary();
        while (true) {
            Token at = in.peek();
            if (in.accept(TokenKind.DOT) || in.accept(TokenKind.ARROW)) {
                // p->f and p.f mean the same: every pointer dereferences on field access.
                Ident field = in.expectIdent("a field name after '.'");
                e = grown(new Expr.Field(e, field, in.spanFrom(first)), at, e);
            } else if (in.accept(TokenKind.LBRACKET)) {
                Expr index = expr();
                in.expect(TokenKind.RBRACKET, "after index");
                e = grown(new Expr.Index(e, index, in.spanFrom(first)), at, e, index);
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
            return grown(new Expr.Call(name, args, in.spanFrom(t)), t, args.toArray(new Expr[0]));
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
        Expr[] values = fields.stream().map(Expr.FieldInit::value).toArray(Expr[]::new);
        return grown(new Expr.StructLit(type, fields, in.spanFrom(first)), first, values);
    }

    /**
     * Refuses a node that would make the tree deeper than the limit, pointing at the token that
     * added the level (in a long chain, the operator where it got too long); otherwise records its
     * height. Nodes not recorded are leaves, of height 1.
     */
    private <E extends Expr> E grown(E node, Token at, Expr... parts) {
        int h = 0;
        for (Expr p : parts) h = Math.max(h, heights.getOrDefault(p, 1));
        if (h >= Nesting.LIMIT) {
            String chain = node instanceof Expr.Binary ? " (each operator of a chain like a + b + c is a level)" : "";
            throw in.fail(at.span(), Nesting.tooDeep("expression") + chain);
        }
        heights.put(node, h + 1);
        return node;
    }
}
