package org.uffdcheck.compile;

/**
 * How a scenario's steps run: each instruction's Op interpreted (the reference), or JVM bytecode
 * generated for the scenario when it is loaded (StepCompiler). Both give the same successors, in
 * the same order, with the same faults.
 */
public enum Engine {
    INTERP, COMPILED;

    /** The engine of runs that do not choose one. */
    public static final Engine DEFAULT = COMPILED;

    /** The engine named on a command line ("interp" or "compiled"), or null. */
    public static Engine parse(String s) {
        return switch (s) {
            case "interp" -> INTERP;
            case "compiled" -> COMPILED;
            default -> null;
        };
    }
}
