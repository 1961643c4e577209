package org.uffdcheck.lang.ast;

import org.uffdcheck.lang.Span;

/** A name as written, with where it was written. */
public record Ident(String name, Span span) {
    @Override
    public String toString() { return name; }
}
