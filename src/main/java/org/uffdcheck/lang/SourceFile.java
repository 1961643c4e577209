package org.uffdcheck.lang;

import java.nio.file.Path;
import java.util.Arrays;

/** One model file's text, with the line table diagnostics need. */
public final class SourceFile {
    private final Path path;
    private final String displayName;
    private final String text;
    private final int[] lineStarts;
    private final boolean quotable;

    public SourceFile(Path path, String displayName, String text) {
        this(path, displayName, text, true);
    }

    private SourceFile(Path path, String displayName, String text, boolean quotable) {
        this.quotable = quotable;
        this.path = path;
        this.displayName = displayName;
        this.text = text;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') n++;
        }
        lineStarts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') lineStarts[k++] = i + 1;
        }
    }

    /**
     * A file that was refused: its text before the problem only locates it, and diagnostics must
     * not quote it (it may be a file the model had no business reading).
     */
    static SourceFile unquoted(Path path, String displayName, String textBefore) {
        return new SourceFile(path, displayName, textBefore, false);
    }

    public Path path() { return path; }
    /** Whether diagnostics may show the file's lines. */
    public boolean quotable() { return quotable && !text.isEmpty(); }
    /** The name users see in messages: the path as they gave it, relative where possible. */
    public String displayName() { return displayName; }
    public String text() { return text; }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a character offset (tabs count as one). */
    public int columnOf(int offset) {
        return Math.max(0, Math.min(offset, text.length())) - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The text of a 1-based line, without its newline. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, Math.max(start, end));
    }

    @Override
    public String toString() { return displayName; }
}
