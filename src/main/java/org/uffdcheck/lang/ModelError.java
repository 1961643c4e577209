package org.uffdcheck.lang;

/** Thrown when a model cannot be used because of mistakes the user must fix; never shows a stack trace. */
public final class ModelError extends RuntimeException {
    private final transient Diagnostics diagnostics;

    public ModelError(Diagnostics diagnostics) {
        super(diagnostics.count() + " error(s)", null, false, false);
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() { return diagnostics; }
}
