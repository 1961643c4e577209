package org.uffdcheck.engine;

/**
 * Which runs count for a liveness property. A thread is enabled in a state when it has a
 * successor there; a run that ends stays in its last state for ever, with no thread enabled.
 */
public enum Fairness {
    /** Every run counts, even one where an enabled thread never moves again. */
    NONE,
    /** A thread that stays enabled from some point on moves infinitely often. */
    WEAK,
    /** A thread enabled infinitely often moves infinitely often. */
    STRONG;

    /** The mode as options and scenarios spell it: none, weak or strong. */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode spelled so, or null for anything else. */
    public static Fairness parse(String s) {
        for (Fairness f : values()) if (f.spelling().equals(s)) return f;
        return null;
    }
}
