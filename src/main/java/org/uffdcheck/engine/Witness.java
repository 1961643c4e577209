package org.uffdcheck.engine;

/** A reachability property and a trace to a state satisfying it, or null if none was found. */
public record Witness(PropertyId id, Execution trace) {
    public Witness {
        if (id.kind() != PropertyId.Kind.REACHABLE) throw new IllegalArgumentException("a witness for " + id);
    }

    public String name() {
        return id.name();
    }

    public boolean found() {
        return trace != null;
    }
}
