package org.uffdcheck.lang;

/** One mistake in a model, located in its source. */
public record Diagnostic(Span span, String message) {

    /** file:line:col: error: message, the source line, and the offending text underlined. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(span.where()).append(": error: ").append(message).append('\n');
        SourceFile f = span.file();
        // File-level problems (an unreadable or refused file) have no text to quote.
        if (!f.quotable()) return sb.toString();
        int line = span.line();
        String text = f.lineText(line);
        String num = Integer.toString(line);
        String pad = " ".repeat(num.length());
        sb.append(' ').append(num).append(" | ").append(text.replace('\t', ' ')).append('\n');
        int col = span.column();
        int lineEndOffset = span.start() - (col - 1) + text.length();
        int width = Math.max(1, Math.min(span.end(), lineEndOffset) - span.start());
        sb.append(' ').append(pad).append(" | ").append(" ".repeat(Math.max(0, col - 1)))
          .append("^".repeat(width)).append('\n');
        return sb.toString();
    }
}
