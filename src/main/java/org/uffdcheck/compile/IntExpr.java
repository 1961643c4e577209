package org.uffdcheck.compile;

/**
 * A compiled expression whose value fits one slot. frame is the absolute index of the current frame
 * (meaningless outside procedures).
 */
abstract class IntExpr {
    abstract int eval(int[] s, int frame);

    /** Null unless the value is known without a state. */
    Integer constant() { return null; }

    static final class Const extends IntExpr {
        final int v;
        Const(int v) { this.v = v; }
        int eval(int[] s, int frame) { return v; }
        @Override Integer constant() { return v; }
    }

    /** A global (or quantifier) slot at a fixed address. */
    static final class Slot extends IntExpr {
        final int addr;
        Slot(int addr) { this.addr = addr; }
        int eval(int[] s, int frame) { return s[addr]; }
    }

    /** A scalar local: a fixed offset from the frame. */
    static final class Local extends IntExpr {
        final int off;
        Local(int off) { this.off = off; }
        int eval(int[] s, int frame) { return s[frame + off]; }
    }

    /** Any other scalar lvalue (field of an indexed element, ...). */
    static final class Load extends IntExpr {
        final Addr a;
        Load(Addr a) { this.a = a; }
        int eval(int[] s, int frame) { return s[a.at(s, frame)]; }
    }

    static final class Not extends IntExpr {
        final IntExpr e;
        Not(IntExpr e) { this.e = e; }
        int eval(int[] s, int frame) { return e.eval(s, frame) == 0 ? 1 : 0; }
    }

    static final class Neg extends IntExpr {
        final IntExpr e;
        Neg(IntExpr e) { this.e = e; }
        int eval(int[] s, int frame) { return Math.negateExact(e.eval(s, frame)); }
    }

    static final class And extends IntExpr {
        final IntExpr l, r;
        And(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return l.eval(s, frame) != 0 && r.eval(s, frame) != 0 ? 1 : 0; }
    }

    static final class Or extends IntExpr {
        final IntExpr l, r;
        Or(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return l.eval(s, frame) != 0 || r.eval(s, frame) != 0 ? 1 : 0; }
    }

    static final class Eq extends IntExpr {
        final IntExpr l, r;
        Eq(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return l.eval(s, frame) == r.eval(s, frame) ? 1 : 0; }
    }

    static final class Lt extends IntExpr {
        final IntExpr l, r;
        Lt(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return l.eval(s, frame) < r.eval(s, frame) ? 1 : 0; }
    }

    static final class Le extends IntExpr {
        final IntExpr l, r;
        Le(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return l.eval(s, frame) <= r.eval(s, frame) ? 1 : 0; }
    }

    static final class Add extends IntExpr {
        final IntExpr l, r;
        Add(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return Math.addExact(l.eval(s, frame), r.eval(s, frame)); }
    }

    static final class Sub extends IntExpr {
        final IntExpr l, r;
        Sub(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return Math.subtractExact(l.eval(s, frame), r.eval(s, frame)); }
    }

    static final class Mul extends IntExpr {
        final IntExpr l, r;
        Mul(IntExpr l, IntExpr r) { this.l = l; this.r = r; }
        int eval(int[] s, int frame) { return Math.multiplyExact(l.eval(s, frame), r.eval(s, frame)); }
    }

    static final class Div extends IntExpr {
        final IntExpr l, r;
        final boolean mod;
        Div(IntExpr l, IntExpr r, boolean mod) { this.l = l; this.r = r; this.mod = mod; }
        int eval(int[] s, int frame) {
            int a = l.eval(s, frame), b = r.eval(s, frame);
            // Java gives INT_MIN / -1 = INT_MIN and INT_MIN % -1 = 0; in C both overflow.
            if (b == -1 && a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
            return mod ? a % b : a / b;
        }
    }

    static final class MinMax extends IntExpr {
        final IntExpr l, r;
        final boolean max;
        MinMax(IntExpr l, IntExpr r, boolean max) { this.l = l; this.r = r; this.max = max; }
        int eval(int[] s, int frame) {
            int a = l.eval(s, frame), b = r.eval(s, frame);
            return max ? Math.max(a, b) : Math.min(a, b);
        }
    }

    /** Slot-wise equality of two multi-slot values. */
    static final class BlockEq extends IntExpr {
        final Addr l, r;
        final int n;
        BlockEq(Addr l, Addr r, int n) { this.l = l; this.r = r; this.n = n; }
        int eval(int[] s, int frame) {
            int a = l.at(s, frame), b = r.at(s, frame);
            return java.util.Arrays.equals(s, a, a + n, s, b, b + n) ? 1 : 0;
        }
    }

    /** Length of a list, or the fixed size of an array. */
    static final class Len extends IntExpr {
        final Addr list;
        Len(Addr list) { this.list = list; }
        int eval(int[] s, int frame) { return s[list.at(s, frame)]; }
    }

    static final class Contains extends IntExpr {
        final Addr list;
        final IntExpr v;
        Contains(Addr list, IntExpr v) { this.list = list; this.v = v; }
        int eval(int[] s, int frame) {
            int base = list.at(s, frame), x = v.eval(s, frame);
            for (int i = 1, n = s[base]; i <= n; i++) if (s[base + i] == x) return 1;
            return 0;
        }
    }

    /** current: the task whose stack the frame is on. */
    static final class Current extends IntExpr {
        final int[] owner;
        Current(int[] owner) { this.owner = owner; }
        int eval(int[] s, int frame) { return owner[frame]; }
    }

    /** signal_pending(t), fatal_signal_pending(t): only fatal signals are modelled. */
    static final class SignalPending extends IntExpr {
        final IntExpr task;
        final int[] threadBase;
        SignalPending(IntExpr task, int[] threadBase) { this.task = task; this.threadBase = threadBase; }
        int eval(int[] s, int frame) {
            int t = task.eval(s, frame);
            return t > 0 && s[threadBase[t - 1] + Layout.SIGNAL] == Layout.SIG_PENDING ? 1 : 0;
        }
    }

    /** thread@label: the thread's program counter is one of pcs. */
    static class At extends IntExpr {
        final int pcSlot;
        /** Filled in once code generation has given every label its pc. */
        int[] pcs;
        At(int pcSlot, int[] pcs) { this.pcSlot = pcSlot; this.pcs = pcs; }
        int eval(int[] s, int frame) {
            int pc = s[pcSlot];
            for (int p : pcs) if (p == pc) return 1;
            return 0;
        }
    }

    /** t@label with t a task variable: the thread it names, at run time; false for no task. */
    static final class AtTask extends At {
        final IntExpr task;
        final int[] threadBase;
        AtTask(IntExpr task, int[] threadBase) {
            super(-1, new int[0]);
            this.task = task;
            this.threadBase = threadBase;
        }
        @Override int eval(int[] s, int frame) {
            int t = task.eval(s, frame);
            if (t <= 0 || t >= threadBase.length) return 0;
            int pc = s[threadBase[t - 1]];
            for (int p : pcs) if (p == pc) return 1;
            return 0;
        }
    }
}
