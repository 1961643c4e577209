package org.uffdcheck.engine;

/** A reachability property and a trace to a state satisfying it, or null if none was found. */
public record Witness(String name, Execution trace) {
    public boolean found() {
        return trace != null;
    }
}
