package org.uffdcheck.lang;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns model text into tokens. Lexical mistakes become diagnostics and lexing carries on, so that a
 * stray character does not hide the real errors further down the file.
 */
public final class Lexer {
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final SourceFile file;
    private final String src;
    private final Diagnostics diags;
    private final List<Token> tokens = new ArrayList<>();
    /** Tokens next to a lexical error; the parser stays quiet about them to avoid knock-on errors. */
    private final BitSet tainted = new BitSet();
    private boolean taintNext;
    private int pos;

    public Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.src = file.text();
        this.diags = diags;
    }

    /** All tokens of the file, ending with one EOF token. */
    public List<Token> tokenize() {
        if (!tokens.isEmpty()) return tokens;
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) break;
            lexOne();
        }
        add(TokenKind.EOF, "", pos, pos);
        return tokens;
    }

    /** Whether the i-th token is, or directly follows, text the lexer already complained about. */
    public boolean isTainted(int i) { return tainted.get(i); }

    /** The value of an INT token; 0 for a literal that was already reported as malformed. */
    public static long valueOf(Token t) {
        BigInteger v = parse(t.text());
        return v == null || v.compareTo(MAX) > 0 ? 0 : v.longValueExact();
    }

    private static BigInteger parse(String text) {
        boolean hex = text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"));
        try {
            return hex ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) {
                    diags.error(span(pos, pos + 2), "unterminated comment: '/*' is never closed by '*/'");
                    taintNext = true;
                    pos = src.length();
                } else {
                    pos = close + 2;
                }
            } else {
                return;
            }
        }
    }

    private void lexOne() {
        int start = pos;
        char c = src.charAt(pos);
        if (isIdentStart(c)) {
            while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
            String word = src.substring(start, pos);
            add(TokenKind.keywordOrIdent(word), word, start, pos);
        } else if (isDigit(c)) {
            lexNumber(start);
        } else if (c == '"') {
            lexString(start);
        } else {
            TokenKind p = punctuation();
            if (p == null) {
                pos += Character.charCount(src.codePointAt(start));
                diags.error(span(start, pos), "unexpected character '" + src.substring(start, pos) + "'");
                taintNext = true;
            } else {
                pos += p.spelling.length();
                add(p, p.spelling, start, pos);
            }
        }
    }

    private void lexNumber(int start) {
        boolean hex = src.startsWith("0x", start) || src.startsWith("0X", start);
        pos = hex ? start + 2 : start;
        while (pos < src.length() && (hex ? isHexDigit(src.charAt(pos)) : isDigit(src.charAt(pos)))) pos++;
        boolean malformed = hex && pos == start + 2;
        // 12ab or 0x1g is one mistyped word, not a number followed by a name.
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
            malformed = true;
        }
        String text = src.substring(start, pos);
        int index = tokens.size();
        add(TokenKind.INT, text, start, pos);
        if (malformed) {
            diags.error(span(start, pos), "malformed number '" + text + "'");
            tainted.set(index);
        } else if (parse(text).compareTo(MAX) > 0) {
            diags.error(span(start, pos), "integer literal '" + text + "' does not fit in a 64-bit signed integer");
            tainted.set(index);
        }
    }

    private void lexString(int start) {
        StringBuilder value = new StringBuilder();
        pos = start + 1;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n' || src.charAt(pos) == '\r') {
                int index = tokens.size();
                add(TokenKind.STRING, value.toString(), start, pos);
                diags.error(span(start, pos), "unterminated string literal: missing closing '\"' before end of line");
                tainted.set(index);
                taintNext = true;
                return;
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                add(TokenKind.STRING, value.toString(), start, pos);
                return;
            }
            if (c == '\\' && pos + 1 < src.length() && (src.charAt(pos + 1) == '"' || src.charAt(pos + 1) == '\\')) {
                value.append(src.charAt(pos + 1));
                pos += 2;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n') {
                diags.error(span(pos, pos + 2), "unknown escape '" + src.substring(pos, pos + 2)
                        + "' in string; only \\\" and \\\\ are supported");
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Longest punctuation token at pos, so that '..' wins over '.' and '<=' over '<'. */
    private TokenKind punctuation() {
        TokenKind best = null;
        for (TokenKind k : TokenKind.values()) {
            if (k.spelling != null && !k.isKeyword() && src.startsWith(k.spelling, pos)
                    && (best == null || k.spelling.length() > best.spelling.length())) {
                best = k;
            }
        }
        return best;
    }

    private void add(TokenKind kind, String text, int start, int end) {
        if (taintNext) tainted.set(tokens.size());
        taintNext = false;
        tokens.add(new Token(kind, text, span(start, end)));
    }

    private Span span(int start, int end) { return new Span(file, start, end); }

    private static boolean isIdentStart(char c) { return c == '_' || (c < 128 && Character.isLetter(c)); }

    private static boolean isIdentPart(char c) { return isIdentStart(c) || isDigit(c); }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isHexDigit(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
}
