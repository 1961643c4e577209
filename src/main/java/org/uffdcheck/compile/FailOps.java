package org.uffdcheck.compile;

/**
 * Failure injection. A scenario's inject line gives each kind of failure a slot counting the
 * failures it has left; while one is left, asking whether to fail is a choice of two successors
 * (alternative 0 goes on normally, 1 fails and uses one up). Kinds the scenario does not inject
 * never fail, with no branching, so a scenario without inject keeps its state space.
 */
final class FailOps {
    private FailOps() {}

    /** Whether this step may fail in state s: its kind is injected and has failures left. */
    static boolean mayFail(int[] s, int slot) { return slot >= 0 && s[slot] > 0; }

    /** Uses up one failure of the kind counted at slot. */
    static void fail(int[] s, int slot) { s[slot]--; }

    /**
     * should_fail(NAME), stored in dest (x = should_fail(NAME);) or, with dest null, deciding an
     * if: true goes to next, false to ifFalse.
     */
    static final class ShouldFail extends Op {
        final String kind;
        final int slot;
        final Addr dest;
        int ifFalse = -1;

        ShouldFail(String kind, int slot, Addr dest) {
            this.kind = kind;
            this.slot = slot;
            this.dest = dest;
        }

        @Override int choices(int[] s, int tid, int tb, int frame) { return mayFail(s, slot) ? 2 : 1; }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            if (c == 1) fail(s, slot);
            if (dest != null) s[dest.at(s, frame)] = c;
            s[tb] = ifFalse >= 0 && c == 0 ? ifFalse : next;
            return true;
        }
    }
}
