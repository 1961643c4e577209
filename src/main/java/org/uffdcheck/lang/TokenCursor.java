package org.uffdcheck.lang;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.lang.ast.Ident;

/**
 * The parsers' shared position in the token list, plus error reporting and recovery.
 *
 * <p>Where errors point: when a closing token (';' ')' ']' '}' '>') is missing, the caret goes just
 * after the previous token, where the fix belongs; for anything else it goes on the token found.
 */
final class TokenCursor {
    /** Unwinds to the nearest statement or declaration after an error has been recorded. */
    static final class Failure extends RuntimeException {
        Failure() { super(null, null, false, false); }
    }

    private static final Set<TokenKind> CLOSERS =
            EnumSet.of(TokenKind.SEMI, TokenKind.RPAREN, TokenKind.RBRACKET, TokenKind.RBRACE, TokenKind.GT);

    /** Keywords that can only begin a top-level declaration ('var' is missing: it also starts a local). */
    static final Set<TokenKind> DECL_ONLY = EnumSet.of(TokenKind.INCLUDE, TokenKind.CONST, TokenKind.ENUM,
            TokenKind.STRUCT, TokenKind.PROC, TokenKind.INVARIANT, TokenKind.REACHABLE, TokenKind.SCENARIO);

    private final Lexer lexer;
    private final List<Token> tokens;
    private final Diagnostics diags;
    private int pos;
    /** Offset of the token where an unclosed block was last reported; outer blocks stop there quietly. */
    private int unclosedAt = -1;

    TokenCursor(SourceFile file, Diagnostics diags) {
        this.lexer = new Lexer(file, diags);
        this.tokens = lexer.tokenize();
        this.diags = diags;
    }

    Token peek() { return peek(0); }

    Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

    Token previous() { return tokens.get(Math.max(0, pos - 1)); }

    int position() { return pos; }

    boolean at(TokenKind k) { return peek().kind() == k; }

    /** At an identifier spelled {@code word}: the contextual words of scenarios. */
    boolean atWord(String word) { return at(TokenKind.IDENT) && peek().text().equals(word); }

    Token advance() {
        Token t = peek();
        if (pos < tokens.size() - 1) pos++;
        return t;
    }

    boolean accept(TokenKind k) {
        if (!at(k)) return false;
        advance();
        return true;
    }

    /** Consumes a token of kind k or fails with "expected k CONTEXT, found X". */
    Token expect(TokenKind k, String context) {
        if (at(k)) return advance();
        throw fail(CLOSERS.contains(k) ? afterPrevious() : peek().span(),
                "expected " + k.describe() + " " + context + ", found " + peek().describe());
    }

    /**
     * Consumes the ';' ending a statement or declaration. When it is missing at the end of a line
     * (or before '}'), the error is recorded and parsing goes on as if it were there: skipping to the
     * next ';' instead would swallow the following, probably correct, line.
     */
    void expectSemicolon(String context) {
        if (accept(TokenKind.SEMI)) return;
        Token next = peek();
        boolean lineEnded = next.span().line() > previous().span().line()
                || next.is(TokenKind.RBRACE) || next.is(TokenKind.EOF);
        Failure f = fail(afterPrevious(), "expected ';' " + context + ", found " + next.describe());
        if (!lineEnded) throw f;
    }

    /** Consumes a name or fails with "expected WHAT, found X". */
    Ident expectIdent(String what) {
        if (!at(TokenKind.IDENT)) {
            String found = peek().kind().isKeyword() ? "keyword " + peek().describe() : peek().describe();
            throw fail(peek().span(), "expected " + what + ", found " + found);
        }
        Token t = advance();
        return new Ident(t.text(), t.span());
    }

    /** Records an error without unwinding, for mistakes that do not confuse the parse. */
    void error(Span span, String message) {
        if (!lexer.isTainted(pos) && !lexer.isTainted(Math.max(0, pos - 1))) diags.error(span, message);
    }

    /** Records an error; the caller throws the result to unwind to a recovery point. */
    Failure fail(Span span, String message) {
        error(span, message);
        return new Failure();
    }

    /** Empty span just after the previous token. */
    Span afterPrevious() {
        Span p = previous().span();
        return pos == 0 ? peek().span() : new Span(p.file(), p.end(), p.end());
    }

    Span spanFrom(Token first) { return first.span().to(previous().span()); }

    /**
     * Reports a '{' whose '}' never came, unless an inner block already did so at this token: one
     * missing brace should produce one error.
     */
    void reportUnclosed(Token open) {
        if (peek().span().start() != unclosedAt) error(open.span(), "'{' opened here is never closed");
        unclosedAt = peek().span().start();
    }

    /** A declaration keyword not at the start of its line: written inside a block, not after a missing '}'. */
    private boolean indentedDeclaration() {
        return !at(TokenKind.EOF) && peek().span().column() > 1;
    }

    /** A '{'-block cannot continue past end of file or a keyword that only starts a declaration. */
    boolean atBlockBreaker() { return at(TokenKind.EOF) || DECL_ONLY.contains(peek().kind()); }

    /**
     * Parses items up to the '}' matching {@code open}, recovering inside each item so one mistake
     * costs one item. Returns the span from '{' to '}', or to wherever the unclosed list stopped.
     */
    Span braced(Token open, Runnable item) {
        while (true) {
            if (at(TokenKind.RBRACE)) return open.span().to(advance().span());
            if (atBlockBreaker()) {
                if (!indentedDeclaration()) {
                    reportUnclosed(open);
                    return spanFrom(open);
                }
                // Indented, it was meant to be inside the block: say so here and go on with the
                // block, rather than blame the '{' and misread everything after it.
                Token k = advance();
                boolean property = k.is(TokenKind.REACHABLE) || k.is(TokenKind.INVARIANT);
                error(k.span(), "'" + k.text() + "' starts a declaration, which belongs at the top level, not inside a block"
                        + (property ? "; declare the property at the top level and name it in a scenario with 'check NAME;'" : ""));
                synchronize(false);
                continue;
            }
            int start = pos;
            try {
                item.run();
            } catch (Failure f) {
                synchronize(false);
                if (pos == start) advance();
            }
        }
    }

    /**
     * Skips past the broken construct: to just after the next ';' or balanced '{...}', or to just
     * before a '}' that closes an enclosing block, or a keyword that starts a declaration. At top
     * level 'var' also counts as starting a declaration.
     */
    void synchronize(boolean topLevel) {
        int depth = 0;
        while (!at(TokenKind.EOF)) {
            TokenKind k = peek().kind();
            if (DECL_ONLY.contains(k) || (topLevel && depth == 0 && k == TokenKind.VAR)) {
                return;
            } else if (k == TokenKind.SEMI && depth == 0) {
                advance();
                return;
            } else if (k == TokenKind.LBRACE) {
                depth++;
            } else if (k == TokenKind.RBRACE) {
                if (depth == 0) return;
                if (--depth == 0) {
                    advance();
                    return;
                }
            }
            advance();
        }
    }
}
