package org.uffdcheck.lang;

/**
 * One lexical token. For STRING the text is the decoded contents (escapes resolved, no quotes) while
 * the span still covers the quotes; for every other kind the text is exactly the source text.
 */
public record Token(TokenKind kind, String text, Span span) {

    public boolean is(TokenKind k) { return kind == k; }

    /** How messages name this token when it was found where something else was expected. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
