package org.uffdcheck.compile;

import org.uffdcheck.lang.ast.Stmt;

/** How a statement is shown in a trace: its source, on one line, without the body of a block. */
final class StmtText {
    private static final int MAX = 72;

    private StmtText() {}

    static String of(Stmt s) { return clip(s.span().text()); }

    /** The head of a compound statement: "while (x < 3)" rather than the whole loop. */
    static String head(Stmt s) {
        String t = s.span().text();
        int brace = t.indexOf('{');
        return clip(brace >= 0 ? t.substring(0, brace) : t);
    }

    private static String clip(String t) {
        String one = t.replaceAll("//[^\n]*", " ").replaceAll("\\s+", " ").trim();
        return one.length() <= MAX ? one : one.substring(0, MAX - 3) + "...";
    }
}
