package org.uffdcheck.compile;

import java.util.Arrays;
import org.uffdcheck.engine.Fault;

/** Bounded lists: slot 0 is the length, elements follow, unused slots stay zero. */
final class ListOps {
    private ListOps() {}

    static final class Push extends Op {
        final Addr list;
        final ValueExpr value;
        final int es, cap;
        final boolean front;
        final int[] range;

        Push(Addr list, ValueExpr value, int es, int cap, boolean front, int[] range) {
            this.list = list; this.value = value; this.es = es; this.cap = cap; this.front = front; this.range = range;
        }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int b = list.at(s, frame);
            int n = s[b];
            if (n >= cap) throw new FaultException(Fault.LIST_FULL);
            int end = b + 1 + n * es;
            // The value is computed into the free slot first: it may read the list itself.
            value.write(s, frame, s, end);
            if (range != null) BasicOps.checkRange(s[end], range[0], range[1]);
            if (front && n > 0) rotateRight(s, b + 1, end + es, es);
            s[b] = n + 1;
            s[tb] = next;
            return true;
        }
    }

    /**
     * Rotates s[from, to) right by k slots in place, by three reversals: this runs once per step of
     * a push_front, so it must not allocate.
     */
    static void rotateRight(int[] s, int from, int to, int k) {
        reverse(s, from, to - 1);
        reverse(s, from, from + k - 1);
        reverse(s, from + k, to - 1);
    }

    private static void reverse(int[] s, int i, int j) {
        for (; i < j; i++, j--) {
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
    }

    /** pop_front(l), optionally storing the element. */
    static final class PopFront extends Op {
        final Addr list, dest;
        final int es;
        final int[] range;

        PopFront(Addr list, Addr dest, int es, int[] range) { this.list = list; this.dest = dest; this.es = es; this.range = range; }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int b = list.at(s, frame);
            int n = s[b];
            if (n == 0) throw new FaultException(Fault.LIST_EMPTY);
            if (dest != null) {
                int d = dest.at(s, frame);
                System.arraycopy(s, b + 1, s, d, es);
                if (range != null) BasicOps.checkRange(s[d], range[0], range[1]);
                b = list.at(s, frame);
            }
            System.arraycopy(s, b + 1 + es, s, b + 1, (n - 1) * es);
            Arrays.fill(s, b + 1 + (n - 1) * es, b + 1 + n * es, 0);
            s[b] = n - 1;
            s[tb] = next;
            return true;
        }
    }

    /** remove(l, v): drops the first element equal to v; nothing if there is none. */
    static final class Remove extends Op {
        final Addr list;
        final IntExpr value;

        Remove(Addr list, IntExpr value) { this.list = list; this.value = value; }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int b = list.at(s, frame);
            int v = value.eval(s, frame);
            int n = s[b];
            for (int i = 0; i < n; i++) {
                if (s[b + 1 + i] == v) {
                    System.arraycopy(s, b + 2 + i, s, b + 1 + i, n - 1 - i);
                    s[b + n] = 0;
                    s[b] = n - 1;
                    break;
                }
            }
            s[tb] = next;
            return true;
        }
    }

    static final class Clear extends Op {
        final Addr list;
        final int slots;

        Clear(Addr list, int slots) { this.list = list; this.slots = slots; }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int b = list.at(s, frame);
            Arrays.fill(s, b, b + slots, 0);
            s[tb] = next;
            return true;
        }
    }
}
