package org.uffdcheck.compile;

import java.util.Arrays;
import org.uffdcheck.engine.Fault;

/**
 * How the successor generator runs the instruction at a pc: by asking the Op (Interpreted, the
 * reference) or by code generated for the scenario (StepCompiler). Both answer exactly what
 * Op.choices and Op.exec answer, faults included. Stateless, so one serves every worker.
 *
 * <p>The static helpers are what generated code calls where a step is longer than a few
 * instructions; they are small enough for the JIT to inline.
 */
abstract class Steps {
    final Op[] ops;

    Steps(Op[] ops) { this.ops = ops; }

    abstract int choices(int pc, int[] s, int tid, int tb, int frame);

    abstract boolean exec(int pc, int[] s, int tid, int tb, int frame, int c);

    /** The interpreter: every instruction asks its Op. */
    static final class Interpreted extends Steps {
        Interpreted(Op[] ops) { super(ops); }

        @Override int choices(int pc, int[] s, int tid, int tb, int frame) { return ops[pc].choices(s, tid, tb, frame); }

        @Override boolean exec(int pc, int[] s, int tid, int tb, int frame, int c) { return ops[pc].exec(s, tid, tb, frame, c); }
    }

    /** Thrown by generated code for a pc that holds no instruction (0, "finished"). */
    static IllegalStateException noOp(int pc) { return new IllegalStateException("no instruction at pc " + pc); }

    static FaultException fault(Fault f) { return new FaultException(f); }

    static int div(int a, int b) {
        // As IntExpr.Div: Java gives INT_MIN / -1 = INT_MIN; in C it overflows.
        if (b == -1 && a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
        return a / b;
    }

    static int mod(int a, int b) {
        if (b == -1 && a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
        return a % b;
    }

    /** Addr.Deref with a pool: the record's first slot past its status. */
    static int deref(int p, int[] s, Layout.Pool pool) {
        if (p == 0) throw new FaultException(Fault.NULL_DEREF);
        int rec = pool.record(p);
        if (!Layout.Pool.live(s[rec])) throw new FaultException(Fault.USE_AFTER_FREE);
        return rec + 1;
    }

    /** Addr.Deref of a pointer to a type with no pool: every dereference faults. */
    static int derefNoPool(int p) { throw new FaultException(Fault.NULL_DEREF); }

    static void downRead(int[] s, int a, int tid) {
        int v = s[a];
        if (LockWord.readBy(v, tid)) throw new FaultException(Fault.RECURSIVE_LOCK);
        s[a] = LockWord.withReader(v, tid);
    }

    static void downWrite(int[] s, int a, int tid) { s[a] = LockWord.writeLockedBy(tid); }

    static void upRead(int[] s, int a, int tid) {
        int v = s[a];
        if (!LockWord.readBy(v, tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
        s[a] = LockWord.withoutReader(v, tid);
    }

    static void upWrite(int[] s, int a, int tid) {
        if (s[a] != LockWord.writeLockedBy(tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
        s[a] = LockWord.FREE;
    }

    static void spinLock(int[] s, int a, int tid, int tb) {
        s[a] = LockWord.spinLockedBy(tid);
        s[tb + Layout.SPINS]++;
    }

    static void spinUnlock(int[] s, int a, int tid, int tb) {
        if (s[a] != LockWord.spinLockedBy(tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
        s[a] = LockWord.FREE;
        s[tb + Layout.SPINS]--;
    }

    /** LockOps.Lock.choices of a lock that may block: 1 when it can be taken now, else 0. */
    static int acquirable(int[] s, int a, int tb, boolean reader, boolean spin) {
        int v = s[a];
        if (reader ? LockWord.readable(v) : v == LockWord.FREE) return 1;
        if (!spin) TaskOps.mayNotSleepAtomic(s, tb);
        return 0;
    }

    /** The tail of ListOps.PopFront: shifts the elements after the first down and clears the last. */
    static void dropFirst(int[] s, int b, int n, int es) {
        System.arraycopy(s, b + 1 + es, s, b + 1, (n - 1) * es);
        Arrays.fill(s, b + 1 + (n - 1) * es, b + 1 + n * es, 0);
        s[b] = n - 1;
    }
}
