package org.uffdcheck.engine;


/** A violated property and a shortest trace to a state violating it (null for "never reached"). */
public record Violation(PropertyId id, Execution trace) {
    /** The name scenarios expect: faults that share a name give the same one. */
    public String property() { return id.name(); }
}
