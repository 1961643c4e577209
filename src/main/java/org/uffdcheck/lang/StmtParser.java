package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Ident;
import org.uffdcheck.lang.ast.Stmt;
import org.uffdcheck.lang.ast.TypeExpr;

/** Statements of procedure bodies and scenario init blocks. */
final class StmtParser {
    private final TokenCursor in;
    private final ExprParser exprs;
    private final TypeParser types;
    /** Statements open around the one being parsed; bounds the height of every statement tree. */
    private final Nesting.Depth depth;

    StmtParser(TokenCursor in, ExprParser exprs, TypeParser types) {
        this.in = in;
        this.exprs = exprs;
        this.types = types;
        this.depth = new Nesting.Depth(in, "statement");
    }

    /** '{' stmt* '}'; a bad statement is reported and skipped so the rest of the block is still checked. */
    Stmt.Block block(String context) {
        Token open = in.expect(TokenKind.LBRACE, context);
        List<Stmt> stmts = new ArrayList<>();
        Span span = in.braced(open, () -> stmts.add(stmt()));
        return new Stmt.Block(stmts, span);
    }

    /** stack NAME: TYPE; a pointer to an object that lives in this procedure's frame. */
    private Stmt stackVar() {
        Token kw = in.advance();
        Ident name = in.expectIdent("a name after 'stack'");
        in.expect(TokenKind.COLON, "after the name");
        TypeExpr type = types.type("after ':'");
        in.expectSemicolon("after stack object declaration");
        return new Stmt.StackVar(name, type, in.spanFrom(kw));
    }

    Stmt stmt() { return depth.nest(this::stmtBody); }

    private Stmt stmtBody() {
        Token t = in.peek();
        return switch (t.kind()) {
            case IDENT -> in.peek(1).is(TokenKind.COLON) ? labeled()
                    : t.text().equals("goto") && in.peek(1).is(TokenKind.IDENT) ? gotoStmt()
                    : t.text().equals("observe") && in.peek(1).is(TokenKind.IDENT) && in.peek(2).is(TokenKind.LPAREN)
                    ? observe()
                    : t.text().equals("stack") && in.peek(1).is(TokenKind.IDENT) && in.peek(2).is(TokenKind.COLON)
                    ? stackVar() : simple();
            case VAR -> local();
            case IF -> ifStmt();
            case WHILE -> {
                in.advance();
                Expr cond = condition("'while'");
                Stmt.Block body = block("to start the loop body");
                yield new Stmt.While(cond, body, in.spanFrom(t));
            }
            case FOR -> forStmt();
            case ATOMIC -> {
                in.advance();
                Stmt.Block body = block("after 'atomic'");
                yield new Stmt.Atomic(body, in.spanFrom(t));
            }
            case AWAIT -> {
                in.advance();
                Expr cond = exprs.expr();
                yield new Stmt.Await(cond, endStatement(t));
            }
            case EITHER -> either();
            case SELECT -> select();
            case ASSERT -> assertStmt();
            case RETURN -> {
                in.advance();
                // A missing value before '}' is more likely a missing ';' than a missing expression.
                Expr value = in.at(TokenKind.SEMI) || in.at(TokenKind.RBRACE) ? null : exprs.expr();
                yield new Stmt.Return(value, endStatement(t));
            }
            case BREAK -> {
                in.advance();
                yield new Stmt.Break(endStatement(t));
            }
            case CONTINUE -> {
                in.advance();
                yield new Stmt.Continue(endStatement(t));
            }
            case SKIP -> {
                in.advance();
                yield new Stmt.Skip(endStatement(t));
            }
            case LBRACE -> block("");
            case OR -> throw in.fail(t.span(), "'or' without a preceding 'either' branch");
            case ELSE -> throw in.fail(t.span(), "'else' without a preceding 'if'");
            default -> simple();
        };
    }

    /** goto is a word only here, like stack: a model may keep using it as a name. */
    private Stmt gotoStmt() {
        Token kw = in.advance();
        Ident label = in.expectIdent("a label after 'goto'");
        return new Stmt.Goto(label, endStatement(kw));
    }

    /** observe is a word only here, like goto: a model may keep using it as a name. */
    private Stmt observe() {
        Token kw = in.advance();
        Ident name = in.expectIdent("a name after 'observe'");
        in.expect(TokenKind.LPAREN, "after the observation's name");
        List<Expr> args = new ArrayList<>();
        if (!in.at(TokenKind.RPAREN)) {
            do {
                args.add(exprs.expr());
            } while (in.accept(TokenKind.COMMA));
        }
        in.expect(TokenKind.RPAREN, "after the observation's arguments");
        return new Stmt.Observe(name, args, endStatement(kw));
    }

    private Stmt labeled() {
        Token first = in.peek();
        Ident label = in.expectIdent("a label");
        in.advance();
        Stmt body = stmt();
        return new Stmt.Labeled(label, body, in.spanFrom(first));
    }

    private Stmt local() {
        Token kw = in.advance();
        Ident name = in.expectIdent("a variable name after 'var'");
        in.expect(TokenKind.COLON, "after variable name");
        TypeExpr type = types.type("after ':'");
        Expr init = in.accept(TokenKind.ASSIGN) ? exprs.expr() : null;
        return new Stmt.Local(name, type, init, endStatement(kw));
    }

    /**
     * An if with its else-if chain, parsed in a loop; but each 'else if' is an If inside the
     * previous one's else, one level deeper. Past the limit the chain's rest is parsed and dropped.
     */
    private Stmt.If ifStmt() {
        int outer = depth.level();
        List<Token> ifs = new ArrayList<>();
        List<Expr> conds = new ArrayList<>();
        List<Stmt.Block> thens = new ArrayList<>();
        Stmt orElse = null;
        boolean keep = true;
        try {
            while (true) {
                Token kw = in.advance();
                Expr cond = condition("'if'");
                Stmt.Block then = block("to start the 'if' body");
                if (keep) {
                    ifs.add(kw);
                    conds.add(cond);
                    thens.add(then);
                }
                if (!in.accept(TokenKind.ELSE)) break;
                if (!in.at(TokenKind.IF)) {
                    Stmt.Block last = block("after 'else'");
                    if (keep) orElse = last;
                    break;
                }
                // The arm's body must fit below it too: one error for the chain, not one more inside.
                if (keep && depth.level() + 1 >= Nesting.LIMIT) {
                    in.error(in.peek().span(), Nesting.tooDeep("statement"));
                    keep = false;
                    depth.set(outer);
                } else if (keep) {
                    depth.set(depth.level() + 1);
                }
            }
        } finally {
            depth.set(outer);
        }
        Stmt chain = orElse;
        for (int i = ifs.size() - 1; i >= 0; i--) chain = new Stmt.If(conds.get(i), thens.get(i), chain, in.spanFrom(ifs.get(i)));
        return (Stmt.If) chain;
    }

    private Stmt forStmt() {
        Token kw = in.advance();
        in.expect(TokenKind.LPAREN, "after 'for'");
        Ident var = in.expectIdent("a loop variable name");
        in.expect(TokenKind.IN, "after loop variable");
        Expr domain = exprs.domain();
        in.expect(TokenKind.RPAREN, "after loop domain");
        Stmt.Block body = block("to start the loop body");
        return new Stmt.For(var, domain, body, in.spanFrom(kw));
    }

    private Stmt either() {
        Token kw = in.advance();
        List<Stmt.Block> branches = new ArrayList<>();
        branches.add(block("after 'either'"));
        while (in.accept(TokenKind.OR)) branches.add(block("after 'or'"));
        if (branches.size() == 1) {
            in.error(kw.span(), "'either' needs at least two branches; add 'or { ... }' or drop the 'either'");
        }
        return new Stmt.Either(branches, in.spanFrom(kw));
    }

    private Stmt select() {
        Token kw = in.advance();
        Expr target = exprs.postfix();
        requireAssignable(target);
        in.expect(TokenKind.IN, "after select target");
        Expr.Range range = exprs.range("in select range");
        return new Stmt.Select(target, range, endStatement(kw));
    }

    private Stmt assertStmt() {
        Token kw = in.advance();
        Expr cond = exprs.expr();
        String message = null;
        if (in.accept(TokenKind.COMMA)) message = in.expect(TokenKind.STRING, "as assertion message").text();
        return new Stmt.Assert(cond, message, endStatement(kw));
    }

    /** Assignment, call, or a mistake: an expression computed and thrown away. */
    private Stmt simple() {
        Token first = in.peek();
        Expr e = exprs.expr();
        if (in.accept(TokenKind.ASSIGN)) {
            requireAssignable(e);
            Expr value = exprs.expr();
            return new Stmt.Assign(e, value, endStatement(first));
        }
        Span span = endStatement(first);
        if (e instanceof Expr.Call call) return new Stmt.Call(call, span);
        in.error(e.span(), "expression statement has no effect; did you mean '=' or a call?");
        // Placeholder so the block stays well formed; the file is rejected anyway.
        return new Stmt.Skip(span);
    }

    private Expr condition(String after) {
        in.expect(TokenKind.LPAREN, "after " + after);
        Expr cond = exprs.expr();
        in.expect(TokenKind.RPAREN, "after condition");
        return cond;
    }

    private void requireAssignable(Expr target) {
        if (!(target instanceof Expr.Name || target instanceof Expr.Field || target instanceof Expr.Index)) {
            in.error(target.span(), "cannot assign to this expression");
        }
    }

    private Span endStatement(Token first) {
        in.expectSemicolon("after statement");
        return in.spanFrom(first);
    }
}
