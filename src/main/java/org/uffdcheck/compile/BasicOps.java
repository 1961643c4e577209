package org.uffdcheck.compile;

import java.util.Arrays;
import org.uffdcheck.engine.Fault;

/** Assignments, branches, waits and choices. */
final class BasicOps {
    private BasicOps() {}

    static int checkRange(int v, int lo, int hi) {
        if (v < lo || v > hi) throw new FaultException(Fault.VALUE_OUT_OF_RANGE);
        return v;
    }

    /** x = e for a one-slot x, with x's range checked. */
    static final class AssignScalar extends Op {
        final Addr dst;
        final IntExpr e;
        final int lo, hi;
        /** A local given a constant where it is declared: no other thread can see it, so no step. */
        boolean silent;
        AssignScalar(Addr dst, IntExpr e, int lo, int hi) { this.dst = dst; this.e = e; this.lo = lo; this.hi = hi; }
        @Override boolean free() { return silent; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int v = checkRange(e.eval(s, frame), lo, hi);
            s[dst.at(s, frame)] = v;
            s[tb] = next;
            return true;
        }
    }

    /** x = e for a struct, array or list x; ranges inside were checked when the parts were stored. */
    static final class AssignBlock extends Op {
        final Addr dst;
        final ValueExpr e;
        AssignBlock(Addr dst, ValueExpr e) { this.dst = dst; this.e = e; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            e.write(s, frame, s, dst.at(s, frame));
            s[tb] = next;
            return true;
        }
    }

    /** Zeroes variables entering or leaving scope, so equal situations give equal states. Free. */
    static final class Reset extends Op {
        final int[] offsets, sizes;
        Reset(int[] offsets, int[] sizes) { this.offsets = offsets; this.sizes = sizes; }
        @Override boolean free() { return true; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            for (int i = 0; i < offsets.length; i++) Arrays.fill(s, frame + offsets[i], frame + offsets[i] + sizes[i], 0);
            s[tb] = next;
            return true;
        }
    }

    /** The test of if and while: one step that reads the state. */
    static final class Branch extends Op {
        final IntExpr cond;
        int ifFalse;
        Branch(IntExpr cond) { this.cond = cond; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[tb] = cond.eval(s, frame) != 0 ? next : ifFalse;
            return true;
        }
    }

    /**
     * A goto, or the return to the head of a while (true): moves the pc and nothing else, so it is
     * free. entersAtomic marks a jump from outside an atomic block to its start: that starts the
     * block anew, so the step that took the jump ends there even if it ran in that same block.
     */
    static final class Jump extends Op {
        boolean entersAtomic;
        @Override boolean free() { return true; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[tb] = next;
            return true;
        }
    }

    static final class Await extends Op {
        final IntExpr cond;
        Await(IntExpr cond) { this.cond = cond; }
        @Override int choices(int[] s, int tid, int tb, int frame) { return cond.eval(s, frame) != 0 ? 1 : 0; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[tb] = next;
            return true;
        }
    }

    static final class Skip extends Op {
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[tb] = next;
            return true;
        }
    }

    static final class Assert extends Op {
        final IntExpr cond;
        Assert(IntExpr cond) { this.cond = cond; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            if (cond.eval(s, frame) == 0) throw new FaultException(Fault.ASSERT);
            s[tb] = next;
            return true;
        }
    }

    /** either { } or { }: a branch whose first statement is await is enabled only when its condition holds. */
    static final class Either extends Op {
        final IntExpr[] guards;
        final int[] targets;
        /** How each branch is shown in traces: its guard, or its first statement. */
        final String[] shown;
        Either(IntExpr[] guards, int[] targets, String[] shown) { this.guards = guards; this.targets = targets; this.shown = shown; }
        @Override int choices(int[] s, int tid, int tb, int frame) { return targets.length; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            if (guards[c] != null && guards[c].eval(s, frame) == 0) return false;
            s[tb] = targets[c];
            return true;
        }
    }

    /** select x in lo..hi: one alternative per value. */
    static final class Select extends Op {
        /** Successor labels keep 20 bits for the alternative. */
        static final int MAX_WIDTH = 1 << 16;
        final Addr dst;
        final IntExpr lo, hi;
        final int min, max;
        Select(Addr dst, IntExpr lo, IntExpr hi, int min, int max) {
            this.dst = dst; this.lo = lo; this.hi = hi; this.min = min; this.max = max;
        }
        @Override int choices(int[] s, int tid, int tb, int frame) {
            long n = (long) hi.eval(s, frame) - lo.eval(s, frame) + 1;
            if (n > MAX_WIDTH) throw new FaultException(Fault.VALUE_OUT_OF_RANGE);
            return (int) Math.max(0, n);
        }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int v = checkRange(lo.eval(s, frame) + c, min, max);
            s[dst.at(s, frame)] = v;
            s[tb] = next;
            return true;
        }
    }

    /**
     * The head of a for loop: binds the variable to the next value of the domain and enters the
     * body, or leaves through exit (which zeroes the counter and variable).
     */
    static final class ForNext extends Op {
        final int var, counter, varSlots;
        /** Range domain: lo, hi. Collection domain: coll, with list (length in slot 0) or array size. */
        final IntExpr lo, hi;
        final Addr coll;
        final boolean list;
        final int size, elemSlots;
        int exit;

        ForNext(int var, int counter, int varSlots, IntExpr lo, IntExpr hi, Addr coll, boolean list, int size, int elemSlots) {
            this.var = var; this.counter = counter; this.varSlots = varSlots;
            this.lo = lo; this.hi = hi; this.coll = coll; this.list = list; this.size = size; this.elemSlots = elemSlots;
        }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int k = s[frame + counter];
            if (coll == null) {
                long v = (long) lo.eval(s, frame) + k;
                if (v > hi.eval(s, frame)) {
                    s[tb] = exit;
                    return true;
                }
                s[frame + var] = (int) v;
            } else {
                int base = coll.at(s, frame);
                int n = list ? s[base] : size;
                if (k >= n) {
                    s[tb] = exit;
                    return true;
                }
                System.arraycopy(s, base + (list ? 1 : 0) + k * elemSlots, s, frame + var, varSlots);
            }
            s[frame + counter] = k + 1;
            s[tb] = next;
            return true;
        }
    }
}
