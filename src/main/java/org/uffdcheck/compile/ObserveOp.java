package org.uffdcheck.compile;

import org.uffdcheck.lang.check.Type;

/**
 * observe NAME(args): changes nothing but the pc. The successor generator, not exec, records the
 * observation, because only it knows which step this one belongs to. Free, so it runs inside the
 * step before it; at the start of an atomic block it is where the thread rests instead, so that it
 * labels the block's step rather than the one before the block.
 */
final class ObserveOp extends Op {
    final String name;
    final IntExpr[] args;
    /** Per argument, how its value is written: an int, a bool, an enum's members or a task. */
    final Type[] types;
    /** The scenario's thread names, which a task is written as. */
    private final String[] threads;
    boolean opensAtomic;

    ObserveOp(String name, IntExpr[] args, Type[] types, String[] threads) {
        this.name = name;
        this.args = args;
        this.types = types;
        this.threads = threads;
    }

    @Override boolean free() { return !opensAtomic; }

    boolean exec(int[] s, int tid, int tb, int frame, int c) {
        s[tb] = next;
        return true;
    }

    /** An argument's value as an Observation writes it. */
    String show(int i, int v) {
        Type t = types[i];
        if (t instanceof Type.Bool) return v != 0 ? "true" : "false";
        if (t instanceof Type.Enum e) return v >= 0 && v < e.members().size() ? e.members().get(v) : "?" + v;
        if (t instanceof Type.Task) return v > 0 && v <= threads.length ? threads[v - 1] : "no_task";
        return Integer.toString(v);
    }
}
