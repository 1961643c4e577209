package org.uffdcheck.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the mistakes found in a model so that several can be reported at once. */
public final class Diagnostics {
    /** Past this many, more errors are mostly noise caused by the first ones. */
    private static final int LIMIT = 50;
    private final List<Diagnostic> list = new ArrayList<>();

    public void error(Span span, String message) {
        if (list.size() < LIMIT) list.add(new Diagnostic(span, message));
    }

    public boolean hasErrors() { return !list.isEmpty(); }
    public List<Diagnostic> all() { return Collections.unmodifiableList(list); }
    public int count() { return list.size(); }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : list) sb.append(d.render());
        sb.append(list.size()).append(list.size() == 1 ? " error\n" : " errors\n");
        return sb.toString();
    }
}
