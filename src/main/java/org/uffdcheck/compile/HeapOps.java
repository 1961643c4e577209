package org.uffdcheck.compile;

import java.util.Arrays;
import org.uffdcheck.engine.Fault;

/** kmalloc, kfree, stack objects and reference counts. */
final class HeapOps {
    private HeapOps() {}

    /** The first never-used record of the pool, marked with status; returns the pointer. */
    static int allocate(int[] s, Layout.Pool pool, int status) {
        for (int i = 0; i < pool.cap(); i++) {
            int rec = pool.base() + i * pool.stride();
            if (s[rec] == Layout.Pool.UNUSED) {
                s[rec] = status;
                return i + 1;
            }
        }
        throw new FaultException(Fault.POOL_EXHAUSTED);
    }

    /** Marks a record freed and clears it, so that what a dead object held does not split states. */
    static void release(int[] s, Layout.Pool pool, int rec) {
        s[rec] = Layout.Pool.FREED;
        Arrays.fill(s, rec + 1, rec + pool.stride(), 0);
    }

    /** Frees the stack objects of the frame at rel in thread t: its procedure is returning. */
    static void releaseFrame(int[] s, Layout.Pool[] stackPools, int t, int rel) {
        int key = Layout.Pool.stackKey(t, rel);
        for (Layout.Pool pool : stackPools) {
            for (int i = 0, rec = pool.base(); i < pool.cap(); i++, rec += pool.stride()) {
                if (s[rec] == key) release(s, pool, rec);
            }
        }
    }

    /**
     * p = kmalloc(T): a zeroed object, as kzalloc gives. Where the scenario injects kmalloc
     * failures (failSlot >= 0), alternative 1 gives null instead; running out of the pool stays
     * the fault pool_exhausted, a bound of the model and not an injected failure.
     */
    static final class Kmalloc extends Op {
        final Layout.Pool pool;
        final Addr dest;
        final int failSlot;
        Kmalloc(Layout.Pool pool, Addr dest, int failSlot) { this.pool = pool; this.dest = dest; this.failSlot = failSlot; }
        @Override int choices(int[] s, int tid, int tb, int frame) { return FailOps.mayFail(s, failSlot) ? 2 : 1; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int p = 0;
            if (c == 1) FailOps.fail(s, failSlot);
            else p = allocate(s, pool, Layout.Pool.LIVE);
            if (dest != null) s[dest.at(s, frame)] = p;
            s[tb] = next;
            return true;
        }
    }

    /** kfree(p); kfree(NULL) does nothing, as in the kernel. */
    static final class Kfree extends Op {
        final IntExpr ptr;
        final Layout.Pool pool;
        Kfree(IntExpr ptr, Layout.Pool pool) { this.ptr = ptr; this.pool = pool; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int p = ptr.eval(s, frame);
            if (p != 0) {
                int rec = pool.record(p);
                int st = s[rec];
                if (st == Layout.Pool.FREED) throw new FaultException(Fault.DOUBLE_FREE);
                if (st >= Layout.Pool.STACK) throw new FaultException(Fault.INVALID_FREE);
                if (st != Layout.Pool.LIVE) throw new FaultException(Fault.USE_AFTER_FREE);
                release(s, pool, rec);
            }
            s[tb] = next;
            return true;
        }
    }

    /** stack x: T; free: it only reserves memory in the frame. */
    static final class StackAlloc extends Op {
        final Layout.Pool pool;
        final int var;
        StackAlloc(Layout.Pool pool, int var) { this.pool = pool; this.var = var; }
        @Override boolean free() { return true; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[frame + var] = allocate(s, pool, Layout.Pool.stackKey(tid, s[tb + 1]));
            s[tb] = next;
            return true;
        }
    }

    static final class RefcountInc extends Op {
        final Addr ref;
        RefcountInc(Addr ref) { this.ref = ref; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int a = ref.at(s, frame);
            s[a] = Math.addExact(s[a], 1);
            s[tb] = next;
            return true;
        }
    }

    /** last = refcount_dec_and_test(r): true when the count reached zero. */
    static final class RefcountDecAndTest extends Op {
        final Addr ref, dest;
        RefcountDecAndTest(Addr ref, Addr dest) { this.ref = ref; this.dest = dest; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int a = ref.at(s, frame);
            if (s[a] <= 0) throw new FaultException(Fault.REFCOUNT_UNDERFLOW);
            s[a]--;
            if (dest != null) s[dest.at(s, frame)] = s[a] == 0 ? 1 : 0;
            s[tb] = next;
            return true;
        }
    }
}
