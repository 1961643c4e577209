package org.uffdcheck.lang;

/** One mistake in a model, located in its source. */
public record Diagnostic(Span span, String message) {
    /** Longest line quoted whole; generated text can have lines of many kilobytes, cut around the spot. */
    private static final int MAX_QUOTE = 160;

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
        int col = span.column();
        int lineEndOffset = span.start() - (col - 1) + text.length();
        int width = Math.max(1, Math.min(span.end(), lineEndOffset) - span.start());
        int caret = Math.max(0, col - 1);
        if (text.length() > MAX_QUOTE) {
            int from = Math.max(0, Math.min(caret - MAX_QUOTE / 2, text.length() - MAX_QUOTE));
            boolean cutEnd = from + MAX_QUOTE < text.length();
            text = (from > 0 ? "..." : "") + text.substring(from, from + MAX_QUOTE) + (cutEnd ? "..." : "");
            width = Math.max(1, Math.min(width, from + MAX_QUOTE - caret));
            caret = caret - from + (from > 0 ? 3 : 0);
        }
        sb.append(' ').append(num).append(" | ").append(text.replace('\t', ' ')).append('\n');
        sb.append(' ').append(pad).append(" | ").append(" ".repeat(caret))
          .append("^".repeat(width)).append('\n');
        return sb.toString();
    }
}
