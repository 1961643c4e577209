package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Ident;
import org.uffdcheck.lang.ast.ModelFile;
import org.uffdcheck.lang.ast.Stmt;
import org.uffdcheck.lang.ast.TypeExpr;

/**
 * Recursive-descent parser for one model file: top-level declarations here, scenarios in
 * {@link ScenarioParser}, statements, expressions and types in their own classes. After a mistake
 * it records a diagnostic, skips to the next ';', '}' or declaration keyword and carries on, so one
 * run reports every independent error in the file.
 */
public final class Parser {
    private final TokenCursor in;
    private final ExprParser exprs;
    private final TypeParser types;
    private final StmtParser stmts;
    private final ScenarioParser scenarios;

    private Parser(SourceFile file, Diagnostics diags) {
        in = new TokenCursor(file, diags);
        exprs = new ExprParser(in);
        types = new TypeParser(in, exprs);
        stmts = new StmtParser(in, exprs, types);
        scenarios = new ScenarioParser(in, exprs, stmts);
    }

    /** Parses a whole file; problems go to {@code diags} and the returned AST holds what could be parsed. */
    public static ModelFile parse(SourceFile file, Diagnostics diags) {
        Parser p = new Parser(file, diags);
        List<Decl> decls = new ArrayList<>();
        while (!p.in.at(TokenKind.EOF)) {
            int start = p.in.position();
            try {
                decls.add(p.decl());
            } catch (TokenCursor.Failure f) {
                p.in.synchronize(true);
                if (p.in.position() == start) p.in.advance();
            }
        }
        return new ModelFile(file, decls);
    }

    private Decl decl() {
        Token kw = in.peek();
        return switch (kw.kind()) {
            case INCLUDE -> {
                in.advance();
                Token path = in.expect(TokenKind.STRING, "after 'include'");
                yield new Decl.Include(path.text(), path.span(), endDecl(kw, "after include"));
            }
            case CONST -> {
                in.advance();
                Ident name = in.expectIdent("a constant name after 'const'");
                in.expect(TokenKind.ASSIGN, "after constant name");
                Expr value = exprs.expr();
                yield new Decl.Const(name, value, endDecl(kw, "after constant"));
            }
            case ENUM -> enumDecl();
            case STRUCT -> struct();
            case VAR -> {
                in.advance();
                Ident name = in.expectIdent("a variable name after 'var'");
                in.expect(TokenKind.COLON, "after variable name");
                TypeExpr type = types.type("after ':'");
                Expr init = in.accept(TokenKind.ASSIGN) ? exprs.expr() : null;
                yield new Decl.Global(name, type, init, endDecl(kw, "after variable declaration"));
            }
            case PROC -> proc();
            case INVARIANT, REACHABLE -> {
                in.advance();
                Ident name = in.expectIdent("a property name after '" + kw.text() + "'");
                in.expect(TokenKind.COLON, "after property name");
                Expr e = exprs.expr();
                Decl.PropertyKind kind =
                        kw.is(TokenKind.INVARIANT) ? Decl.PropertyKind.INVARIANT : Decl.PropertyKind.REACHABLE;
                yield new Decl.Property(kind, name, null, e, endDecl(kw, "after property"));
            }
            case SCENARIO -> scenarios.scenario();
            case IDENT -> contextualDecl(kw);
            default -> throw in.fail(kw.span(), "expected a declaration (include, const, enum, struct, var, "
                    + "proc, invariant, reachable, eventually, leadsto, scenario, pool or forbid_user_wait), found " + kw.describe());
        };
    }

    /** pool T[N];  forbid_user_wait PATH;  words that are declarations only at the start of one. */
    private Decl contextualDecl(Token kw) {
        if (kw.text().equals("pool")) {
            in.advance();
            Ident type = in.expectIdent("a struct name after 'pool'");
            in.expect(TokenKind.LBRACKET, "after the pool's type");
            Expr size = exprs.expr();
            in.expect(TokenKind.RBRACKET, "after the pool's size");
            return new Decl.Pool(type, size, endDecl(kw, "after pool declaration"));
        }
        if (kw.text().equals("forbid_user_wait")) {
            in.advance();
            List<Ident> path = new ArrayList<>();
            path.add(in.expectIdent("a lock after 'forbid_user_wait'"));
            while (in.accept(TokenKind.DOT)) path.add(in.expectIdent("a field name after '.'"));
            return new Decl.ForbidUserWait(path, endDecl(kw, "after forbid_user_wait"));
        }
        if (kw.text().equals("eventually") || kw.text().equals("leadsto")) return liveness(kw);
        throw in.fail(kw.span(), "expected a declaration (include, const, enum, struct, var, "
                + "proc, invariant, reachable, eventually, leadsto, scenario, pool or forbid_user_wait), found " + kw.describe());
    }

    /** eventually NAME: expr;  leadsto NAME: premise ~> expr;  words that are declarations only here. */
    private Decl liveness(Token kw) {
        in.advance();
        Ident name = in.expectIdent("a property name after '" + kw.text() + "'");
        in.expect(TokenKind.COLON, "after property name");
        Expr first = exprs.expr();
        if (kw.text().equals("eventually")) {
            return new Decl.Property(Decl.PropertyKind.EVENTUALLY, name, null, first, endDecl(kw, "after property"));
        }
        in.expect(TokenKind.LEADS_TO, "between the two conditions of leadsto (P ~> Q)");
        Expr then = exprs.expr();
        return new Decl.Property(Decl.PropertyKind.LEADSTO, name, first, then, endDecl(kw, "after property"));
    }

    private Decl enumDecl() {
        Token kw = in.advance();
        Ident name = in.expectIdent("an enum name after 'enum'");
        Token open = in.expect(TokenKind.LBRACE, "after enum name");
        List<Ident> members = new ArrayList<>();
        // Members are comma-separated, so the ';'-based recovery of braced() does not fit: after a
        // mistake, skip to the closing '}' instead.
        while (!in.accept(TokenKind.RBRACE)) {
            if (in.atBlockBreaker()) {
                in.reportUnclosed(open);
                break;
            }
            try {
                members.add(in.expectIdent("an enum member name"));
                if (!in.accept(TokenKind.COMMA) && !in.at(TokenKind.RBRACE)) {
                    throw in.fail(in.peek().span(), "expected ',' or '}' after enum member, found " + in.peek().describe());
                }
            } catch (TokenCursor.Failure f) {
                while (!in.at(TokenKind.RBRACE) && !in.atBlockBreaker()) in.advance();
            }
        }
        return new Decl.Enum(name, members, in.spanFrom(kw));
    }

    private Decl struct() {
        Token kw = in.advance();
        Ident name = in.expectIdent("a struct name after 'struct'");
        Token open = in.expect(TokenKind.LBRACE, "after struct name");
        List<Decl.Field> fields = new ArrayList<>();
        in.braced(open, () -> {
            Token first = in.peek();
            Ident field = in.expectIdent("a field name");
            in.expect(TokenKind.COLON, "after field name");
            TypeExpr type = types.type("after ':'");
            in.expectSemicolon("after field");
            fields.add(new Decl.Field(field, type, in.spanFrom(first)));
        });
        return new Decl.Struct(name, fields, in.spanFrom(kw));
    }

    private Decl proc() {
        Token kw = in.advance();
        Ident name = in.expectIdent("a procedure name after 'proc'");
        in.expect(TokenKind.LPAREN, "after procedure name");
        List<Decl.Param> params = new ArrayList<>();
        if (!in.at(TokenKind.RPAREN)) {
            do {
                Token first = in.peek();
                Ident p = in.expectIdent("a parameter name");
                in.expect(TokenKind.COLON, "after parameter name");
                TypeExpr type = types.type("after ':'");
                params.add(new Decl.Param(p, type, in.spanFrom(first)));
            } while (in.accept(TokenKind.COMMA));
        }
        in.expect(TokenKind.RPAREN, "after parameters");
        TypeExpr result = in.accept(TokenKind.COLON) ? types.type("after ':'") : null;
        Stmt.Block body = stmts.block("to start the procedure body");
        return new Decl.Proc(name, params, result, body, in.spanFrom(kw));
    }

    private Span endDecl(Token first, String context) {
        in.expectSemicolon(context);
        return in.spanFrom(first);
    }
}
