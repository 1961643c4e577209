package org.uffdcheck.compile;

import java.util.Arrays;

/**
 * forall/exists over lo..hi or a collection. The bound variable uses a scratch slot of the state
 * that is zero outside evaluations, so evaluating leaves the state as it was.
 */
final class Quantifier extends IntExpr {
    private final boolean forall;
    private final int slot, slots;
    private final IntExpr lo, hi;
    private final Addr coll;
    private final boolean list;
    private final int size;
    private final IntExpr body;

    Quantifier(boolean forall, int slot, int slots, IntExpr lo, IntExpr hi, Addr coll, boolean list, int size, IntExpr body) {
        this.forall = forall; this.slot = slot; this.slots = slots; this.lo = lo; this.hi = hi;
        this.coll = coll; this.list = list; this.size = size; this.body = body;
    }

    int eval(int[] s, int frame) {
        int result = forall ? 1 : 0;
        try {
            if (coll == null) {
                int a = lo.eval(s, frame), b = hi.eval(s, frame);
                for (long v = a; v <= b; v++) {
                    s[slot] = (int) v;
                    if ((body.eval(s, frame) != 0) != forall) return forall ? 0 : 1;
                }
            } else {
                int base = coll.at(s, frame);
                int n = list ? s[base] : size;
                int first = base + (list ? 1 : 0);
                for (int k = 0; k < n; k++) {
                    System.arraycopy(s, first + k * slots, s, slot, slots);
                    if ((body.eval(s, frame) != 0) != forall) return forall ? 0 : 1;
                }
            }
            return result;
        } finally {
            Arrays.fill(s, slot, slot + slots, 0);
        }
    }
}
