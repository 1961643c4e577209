package org.uffdcheck.compile;

/**
 * atomic_t read-modify-writes, each one step. Unlike a refcount, an atomic_t may go below zero, as
 * the kernel's does; leaving the int range is the fault arithmetic (Math.*Exact throws it).
 */
final class AtomicOps {
    private AtomicOps() {}

    enum Kind { SET, INC, DEC, DEC_AND_TEST, INC_NOT_ZERO }

    static final class Rmw extends Op {
        final Kind kind;
        final Addr atomic;
        /** atomic_set's value; null otherwise. */
        final IntExpr value;
        /** The result of dec_and_test and inc_not_zero, when stored. */
        final Addr dest;

        Rmw(Kind kind, Addr atomic, IntExpr value, Addr dest) {
            this.kind = kind;
            this.atomic = atomic;
            this.value = value;
            this.dest = dest;
        }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int a = atomic.at(s, frame);
            int v = s[a];
            int result = 0;
            switch (kind) {
                case SET -> s[a] = value.eval(s, frame);
                case INC -> s[a] = Math.addExact(v, 1);
                case DEC -> s[a] = Math.subtractExact(v, 1);
                case DEC_AND_TEST -> {
                    s[a] = Math.subtractExact(v, 1);
                    result = s[a] == 0 ? 1 : 0;
                }
                case INC_NOT_ZERO -> {
                    if (v != 0) s[a] = Math.addExact(v, 1);
                    result = v != 0 ? 1 : 0;
                }
            }
            if (dest != null) s[dest.at(s, frame)] = result;
            s[tb] = next;
            return true;
        }
    }
}
