package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Ident;
import org.uffdcheck.lang.ast.ScenarioItem;
import org.uffdcheck.lang.ast.Stmt;

/**
 * Scenario blocks. Their item words (thread, init, check, expect, ...) are recognised only here, so
 * models stay free to use them as ordinary names elsewhere.
 */
final class ScenarioParser {
    private static final String ITEMS = "thread, init, check, kill, inject, max_states, max_depth, fairness or expect";

    private final TokenCursor in;
    private final ExprParser exprs;
    private final StmtParser stmts;

    ScenarioParser(TokenCursor in, ExprParser exprs, StmtParser stmts) {
        this.in = in;
        this.exprs = exprs;
        this.stmts = stmts;
    }

    Decl.Scenario scenario() {
        Token kw = in.advance();
        Ident name = in.expectIdent("a scenario name after 'scenario'");
        Token open = in.expect(TokenKind.LBRACE, "after scenario name");
        List<ScenarioItem> items = new ArrayList<>();
        in.braced(open, () -> items.add(item()));
        return new Decl.Scenario(name, items, in.spanFrom(kw));
    }

    private ScenarioItem item() {
        Token t = in.peek();
        if (!t.is(TokenKind.IDENT)) throw unknownItem(t);
        switch (t.text()) {
            case "thread" -> {
                in.advance();
                Ident name = in.expectIdent("a thread name after 'thread'");
                in.expect(TokenKind.ASSIGN, "after thread name");
                Ident proc = in.expectIdent("a procedure name");
                in.expect(TokenKind.LPAREN, "after procedure name");
                List<Expr> args = exprs.arguments();
                return new ScenarioItem.Thread(name, proc, args, end(t));
            }
            case "init" -> {
                in.advance();
                Stmt.Block body = stmts.block("after 'init'");
                return new ScenarioItem.Init(body, in.spanFrom(t));
            }
            case "check" -> {
                in.advance();
                List<Ident> props = new ArrayList<>();
                do {
                    props.add(propertyName("a property name"));
                } while (in.accept(TokenKind.COMMA));
                return new ScenarioItem.Check(props, end(t));
            }
            case "max_states", "max_depth" -> {
                in.advance();
                Expr value = exprs.expr();
                return new ScenarioItem.Bound(new Ident(t.text(), t.span()), value, end(t));
            }
            case "kill" -> {
                in.advance();
                List<Ident> threads = new ArrayList<>();
                do {
                    threads.add(in.expectIdent("a thread name"));
                } while (in.accept(TokenKind.COMMA));
                return new ScenarioItem.Kill(threads, end(t));
            }
            case "inject" -> {
                in.advance();
                List<ScenarioItem.Failure> kinds = new ArrayList<>();
                do {
                    Ident name = in.expectIdent("the name of a kind of failure, as in inject kmalloc");
                    Expr max = null;
                    if (in.peek().is(TokenKind.IDENT) && in.peek().text().equals("max")) {
                        in.advance();
                        max = exprs.expr();
                    }
                    kinds.add(new ScenarioItem.Failure(name, max));
                } while (in.accept(TokenKind.COMMA));
                return new ScenarioItem.Inject(kinds, end(t));
            }
            case "fairness" -> {
                in.advance();
                Ident mode = in.expectIdent("none, weak or strong after 'fairness'");
                return new ScenarioItem.FairnessLine(mode, end(t));
            }
            case "expect" -> {
                return expect();
            }
            default -> throw unknownItem(t);
        }
    }

    private ScenarioItem expect() {
        Token kw = in.advance();
        Token v = in.peek();
        if (!v.is(TokenKind.IDENT) || !List.of("holds", "deadlock", "violation").contains(v.text())) {
            throw in.fail(v.span(), "expected 'holds', 'deadlock' or 'violation' after 'expect', found " + v.describe());
        }
        in.advance();
        Ident verdict = new Ident(v.text(), v.span());
        Ident property = v.text().equals("violation") ? propertyName("the violated property's name") : null;
        return new ScenarioItem.Expect(verdict, property, end(kw));
    }

    /** The fault of a failed assert is named by its keyword, which is not an identifier. */
    private Ident propertyName(String what) {
        if (!in.at(TokenKind.ASSERT)) return in.expectIdent(what);
        Token t = in.advance();
        return new Ident(t.text(), t.span());
    }

    private TokenCursor.Failure unknownItem(Token t) {
        return in.fail(t.span(), "expected a scenario item (" + ITEMS + "), found " + t.describe());
    }

    private Span end(Token first) {
        in.expectSemicolon("after scenario item");
        return in.spanFrom(first);
    }
}
