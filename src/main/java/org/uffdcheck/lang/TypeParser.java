package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Ident;
import org.uffdcheck.lang.ast.TypeExpr;

/** Types as written after ':' in declarations, parameters and fields. */
final class TypeParser {
    private final TokenCursor in;
    private final ExprParser exprs;
    /** Element types open around the one being parsed ('list<' nests them). */
    private final Nesting.Depth depth;

    TypeParser(TokenCursor in, ExprParser exprs) {
        this.in = in;
        this.exprs = exprs;
        this.depth = new Nesting.Depth(in, "type");
    }

    /**
     * A base type with array suffixes. As in C, {@code T[a][b]} is an array of a elements, each an
     * array of b elements of T, so the first suffix is the outermost array. Each Array node's span is
     * the whole written type, as the inner arrays have no text of their own.
     */
    TypeExpr type(String context) {
        Token first = in.peek();
        return depth.nest(() -> suffixed(first, context));
    }

    private TypeExpr suffixed(Token first, String context) {
        List<Expr> sizes = new ArrayList<>();
        TypeExpr t = base(context, sizes);
        while (in.at(TokenKind.STAR)) {
            in.advance();
            t = new TypeExpr.Pointer(t, in.spanFrom(first));
        }
        while (in.accept(TokenKind.LBRACKET)) {
            sizes.add(exprs.expr());
            in.expect(TokenKind.RBRACKET, "after array size");
        }
        Span whole = in.spanFrom(first);
        for (int i = sizes.size() - 1; i >= 0; i--) t = new TypeExpr.Array(t, sizes.get(i), whole);
        if (height(t) > Nesting.LIMIT) throw in.fail(whole, Nesting.tooDeep("type"));
        return t;
    }

    /** Each type node has at most one type inside it, so its height is the length of that chain. */
    private static int height(TypeExpr t) {
        int h = 1;
        while (true) {
            if (t instanceof TypeExpr.Array a) t = a.element();
            else if (t instanceof TypeExpr.List l) t = l.element();
            else if (t instanceof TypeExpr.Pointer p) t = p.target();
            else return h;
            h++;
        }
    }

    /** May record the first array size itself: after 'int' the bracket is only known to hold a size once it lacks '..'. */
    private TypeExpr base(String context, List<Expr> sizes) {
        Token t = in.peek();
        switch (t.kind()) {
            case BOOL -> {
                in.advance();
                return new TypeExpr.Bool(t.span());
            }
            case RWSEM -> {
                in.advance();
                return new TypeExpr.RwSem(t.span());
            }
            case SPINLOCK -> {
                in.advance();
                return new TypeExpr.SpinLock(t.span());
            }
            case INT_TYPE -> {
                return intType(sizes);
            }
            case LIST -> {
                in.advance();
                in.expect(TokenKind.LT, "after 'list'");
                TypeExpr element = type("for the list element");
                in.expect(TokenKind.COMMA, "after the list element type");
                // Not a full expression: the '>' that follows must close the type, not compare.
                Expr capacity = exprs.additive();
                in.expect(TokenKind.GT, "to close 'list<'");
                return new TypeExpr.List(element, capacity, in.spanFrom(t));
            }
            case IDENT -> {
                in.advance();
                return new TypeExpr.Named(new Ident(t.text(), t.span()), t.span());
            }
            default -> throw in.fail(t.span(), "expected a type " + context + ", found " + t.describe());
        }
    }

    private TypeExpr intType(List<Expr> sizes) {
        Token kw = in.advance();
        if (!in.accept(TokenKind.LBRACKET)) return new TypeExpr.Int(null, null, kw.span());
        Expr first = exprs.expr();
        if (in.accept(TokenKind.DOTDOT)) {
            Expr hi = exprs.expr();
            in.expect(TokenKind.RBRACKET, "after int range");
            return new TypeExpr.Int(first, hi, in.spanFrom(kw));
        }
        in.expect(TokenKind.RBRACKET, "after array size");
        sizes.add(first);
        return new TypeExpr.Int(null, null, kw.span());
    }
}
