package org.uffdcheck.compile;

/**
 * How a scenario's steps run: each instruction's Op interpreted (the reference), or JVM bytecode
 * generated for the scenario when it is loaded (StepCompiler). Both give the same successors, in
 * the same order, with the same faults.
 */
public enum Engine {
    INTERP, COMPILED;

    /**
     * The engine of runs that do not choose one. The interpreter: the generated code explores no
     * faster once warm, and its thousands of small methods take the JIT longer to warm up, which
     * the short kernel runs feel (docs/performance.md).
     */
    public static final Engine DEFAULT = INTERP;

    /** The engine named on a command line ("interp" or "compiled"), or null. */
    public static Engine parse(String s) {
        return switch (s) {
            case "interp" -> INTERP;
            case "compiled" -> COMPILED;
            default -> null;
        };
    }
}
