package org.uffdcheck.lang;

/** A range of characters [start, end) in a source file. */
public record Span(SourceFile file, int start, int end) {
    public int line() { return file.lineOf(start); }
    public int column() { return file.columnOf(start); }

    public Span to(Span other) { return new Span(file, start, Math.max(end, other.end)); }

    public String text() { return file.text().substring(start, Math.min(end, file.text().length())); }

    /** file:line:col, as editors and compilers print it. */
    public String where() { return file.displayName() + ":" + line() + ":" + column(); }

    @Override
    public String toString() { return where(); }
}
