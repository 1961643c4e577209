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
    /** Per argument, how its value is written: an int, a bool, or an enum's members. */
    final Type[] types;
    boolean opensAtomic;

    ObserveOp(String name, IntExpr[] args, Type[] types) {
        this.name = name;
        this.args = args;
        this.types = types;
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
        return Integer.toString(v);
    }
}
