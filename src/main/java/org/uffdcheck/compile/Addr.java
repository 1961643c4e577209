package org.uffdcheck.compile;

import org.uffdcheck.engine.Fault;

/** A compiled lvalue: computes the absolute slot where a value starts. */
abstract class Addr {
    abstract int at(int[] s, int frame);

    /** Null unless the address is known without a state. */
    Integer fixed() { return null; }

    static final class Fixed extends Addr {
        final int addr;
        Fixed(int addr) { this.addr = addr; }
        int at(int[] s, int frame) { return addr; }
        @Override Integer fixed() { return addr; }
    }

    static final class Local extends Addr {
        final int off;
        Local(int off) { this.off = off; }
        int at(int[] s, int frame) { return frame + off; }
    }

    static final class Offset extends Addr {
        final Addr base;
        final int off;
        Offset(Addr base, int off) { this.base = base; this.off = off; }
        int at(int[] s, int frame) { return base.at(s, frame) + off; }
    }

    static final class ArrayElem extends Addr {
        final Addr base;
        final IntExpr index;
        final int elemSlots, size;
        ArrayElem(Addr base, IntExpr index, int elemSlots, int size) {
            this.base = base; this.index = index; this.elemSlots = elemSlots; this.size = size;
        }
        int at(int[] s, int frame) {
            int i = index.eval(s, frame);
            if (i < 0 || i >= size) throw new FaultException(Fault.INDEX_OUT_OF_BOUNDS);
            return base.at(s, frame) + i * elemSlots;
        }
    }

    /** The record a pointer refers to (just past its status slot); null and freed objects fault. */
    static final class Deref extends Addr {
        final IntExpr ptr;
        final Layout.Pool pool;
        Deref(IntExpr ptr, Layout.Pool pool) { this.ptr = ptr; this.pool = pool; }
        int at(int[] s, int frame) {
            int p = ptr.eval(s, frame);
            if (p == 0 || pool == null) throw new FaultException(Fault.NULL_DEREF);
            int rec = pool.record(p);
            if (!Layout.Pool.live(s[rec])) throw new FaultException(Fault.USE_AFTER_FREE);
            return rec + 1;
        }
    }

    /** Element i of a list: slot 0 holds the length, elements follow. */
    static final class ListElem extends Addr {
        final Addr base;
        final IntExpr index;
        final int elemSlots;
        ListElem(Addr base, IntExpr index, int elemSlots) { this.base = base; this.index = index; this.elemSlots = elemSlots; }
        int at(int[] s, int frame) {
            int b = base.at(s, frame);
            int i = index.eval(s, frame);
            if (i < 0 || i >= s[b]) throw new FaultException(Fault.INDEX_OUT_OF_BOUNDS);
            return b + 1 + i * elemSlots;
        }
    }
}
