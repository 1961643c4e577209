package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private final Diagnostics diags = new Diagnostics();

    private List<Token> lex(String text) {
        return new Lexer(new SourceFile(Path.of("t.uffd"), "t.uffd", text), diags).tokenize();
    }

    private List<TokenKind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    @Test
    void keywordsNamesAndPunctuation() {
        assertEquals(List.of(TokenKind.VAR, TokenKind.IDENT, TokenKind.COLON, TokenKind.INT_TYPE, TokenKind.LBRACKET,
                TokenKind.INT, TokenKind.DOTDOT, TokenKind.INT, TokenKind.RBRACKET, TokenKind.SEMI, TokenKind.EOF),
                kinds("var mm_users: int[0..3];"));
        assertEquals(List.of(TokenKind.EQ, TokenKind.NE, TokenKind.LE, TokenKind.GE, TokenKind.LT, TokenKind.GT,
                TokenKind.AND, TokenKind.OROR, TokenKind.NOT, TokenKind.ASSIGN, TokenKind.AT, TokenKind.PERCENT,
                TokenKind.DOT, TokenKind.EOF), kinds("== != <= >= < > && || ! = @ % ."));
        assertEquals(TokenKind.IDENT, lex("thread").get(0).kind());
        assertFalse(diags.hasErrors());
    }

    @Test
    void numbersAndStrings() {
        List<Token> t = lex("0x1F 42 9223372036854775807 \"a \\\"q\\\" \\\\ b\"");
        assertEquals(31, Lexer.valueOf(t.get(0)));
        assertEquals(42, Lexer.valueOf(t.get(1)));
        assertEquals(Long.MAX_VALUE, Lexer.valueOf(t.get(2)));
        assertEquals("a \"q\" \\ b", t.get(3).text());
        assertEquals("\"a \\\"q\\\" \\\\ b\"", t.get(3).span().text());
        assertFalse(diags.hasErrors());
    }

    @Test
    void commentsAreSkipped() {
        assertEquals(List.of(TokenKind.SKIP, TokenKind.SEMI, TokenKind.EOF),
                kinds("// mmap_read_lock(mm);\n/* handle_userfault()\n * sleeps here */ skip;"));
        assertFalse(diags.hasErrors());
    }

    @Test
    void overflowMalformedAndStrayCharactersAreDiagnostics() {
        List<Token> t = lex("9223372036854775808 12ab 0x $ ok");
        assertEquals(4, diags.count());
        assertTrue(diags.all().get(0).message().contains("does not fit"));
        assertEquals("malformed number '12ab'", diags.all().get(1).message());
        assertEquals("malformed number '0x'", diags.all().get(2).message());
        assertEquals("unexpected character '$'", diags.all().get(3).message());
        // The stray character is skipped; the lexer carries on.
        assertEquals("ok", t.get(3).text());
    }
}
