package org.uffdcheck.compile;

import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.TransitionSystem;

/**
 * The successor generator: every thread that can move takes one step (a whole atomic block where it
 * is in one). Holds the scratch vectors of one exploring thread.
 */
final class SuccessorGenerator implements TransitionSystem.Stepper {
    /** Bits of a label that number a thread's successors; the thread index sits above them. */
    static final int ALT_BITS = 20;
    /** The alternative number of a fatal signal's delivery, apart from every step's. */
    static final int KILL = (1 << ALT_BITS) - 1;
    static final int ATOMIC_STEP_LIMIT = 100_000;

    /** freeKind: a step, a free instruction, or a free observe (which the generator records). */
    private static final byte STEP = 0, FREE = 1, OBSERVE = 2;

    private final Op[] ops;
    /** What ops[pc].free() says, looked up per step without a virtual call; OBSERVE for free observes. */
    private final byte[] freeKind;
    /** The observes a thread may rest on (atomic-opening ones, and any at a thread's start). */
    private final boolean[] observeAt;
    /** The jumps that start an atomic block anew (BasicOps.Jump.entersAtomic). */
    private final boolean[] entersAtomic;
    private final int[] threadBase;
    private final int threads;
    private final int size;
    private final ForbiddenLocks forbidden;
    private final boolean mergeLocal;
    /** Renames every successor into its class's representative; null without the reduction. */
    private final Symmetry symmetry;
    private int[][] scratch = new int[0][];
    private TransitionSystem.SuccessorSink sink;
    private int label;
    /** Interns observations; null for a plain stepper, which only notes that a step observed. */
    private final ObservationTable table;
    /** The observation of the step being generated: 0 none, a table code, or SEEN without a table. */
    private int obs;
    private static final int SEEN = -1;
    private int[] obsValues = new int[0];
    /** Placing threads at their start: an observe there labels the thread's first step, so stay before it. */
    boolean starting;
    /** wouldObserve's scratch state, and whether its run met an observe. */
    private int[] probe;
    private boolean probing, probed;
    /** Where a fault raised outside the step's own instruction happened (the second observe); 0 for none. */
    private int faultAt;

    SuccessorGenerator(Code code, Layout layout, int threads, int size, ForbiddenLocks forbidden, boolean mergeLocal,
              Symmetry symmetry, ObservationTable table) {
        this.symmetry = symmetry;
        this.table = table;
        this.forbidden = forbidden;
        this.mergeLocal = mergeLocal;
        this.ops = code.ops;
        this.freeKind = new byte[ops.length];
        this.observeAt = new boolean[ops.length];
        this.entersAtomic = new boolean[ops.length];
        for (int pc = 0; pc < ops.length; pc++) {
            observeAt[pc] = ops[pc] instanceof ObserveOp;
            freeKind[pc] = ops[pc] == null || !ops[pc].free() ? STEP : observeAt[pc] ? OBSERVE : FREE;
            entersAtomic[pc] = ops[pc] instanceof BasicOps.Jump j && j.entersAtomic;
        }
        this.threadBase = layout.threadBase;
        this.threads = threads;
        this.size = size;
    }

    @Override
    public int successors(int[] s, TransitionSystem.SuccessorSink sink) {
        if (s[Layout.ERROR] != 0) return 0;
        this.sink = sink;
        int total = 0;
        for (int t = 0; t < threads; t++) {
            if (s[threadBase[t]] == 0) continue;
            label = t << ALT_BITS;
            obs = 0;
            total += expand(s, t, 0, 0, false);
            if (s[threadBase[t] + Layout.SIGNAL] == Layout.SIG_ALLOWED && sleepsKillably(s, threadBase[t])) {
                int[] w = buffer(0);
                System.arraycopy(s, 0, w, 0, size);
                w[threadBase[t] + Layout.SIGNAL] = Layout.SIG_PENDING;
                w[threadBase[t] + Layout.TASK_STATE] = TaskOps.TASK_RUNNING;
                obs = 0;
                emit(w, t << ALT_BITS | KILL);
                total++;
            }
        }
        this.sink = null;
        return total;
    }

    /** Where a fatal signal can be delivered: a killable task state, or blocked in a killable lock. */
    private boolean sleepsKillably(int[] s, int tb) {
        if (TaskOps.killable(s[tb + Layout.TASK_STATE])) return true;
        Op op = ops[s[tb]];
        if (!(op instanceof LockOps.Lock l) || !l.killable()) return false;
        try {
            return !l.available(s, tb + Layout.HDR + s[tb + 1]);
        } catch (FaultException | ArithmeticException e) {
            return false;
        }
    }

    /** Steps thread t from src in every enabled way; emits each result. Returns how many. */
    private int expand(int[] src, int t, int depth, int steps, boolean merging) {
        int tb = threadBase[t];
        Op op = ops[src[tb]];
        int frame = tb + Layout.HDR + src[tb + 1];
        int[] w = buffer(depth);
        if (op.userWait && forbidden.heldBy(src, t)) {
            return emitFault(src, w, new FaultException(Fault.USER_WAIT_UNDER_LOCK), op);
        }
        int n;
        try {
            n = op.choices(src, t, tb, frame);
        } catch (FaultException | ArithmeticException e) {
            return emitFault(src, w, e, op);
        }
        // A local step joins an observing step only if it makes no observation of its own: one
        // step makes at most one. -1 tells the caller to end its step before this one.
        if (merging && obs != 0 && wouldObserve(src, t, tb, frame, op, n)) return -1;
        int emitted = 0;
        int obsIn = obs;
        // A thread resting on an observe: the observe labels the step that follows, taken with it.
        boolean resting = observeAt[op.pc];
        // A step keeps going only inside the atomic block it started in: entering a block or
        // leaving it ends the step, and two blocks in a row stay two steps.
        int region = atomicRegion(src, tb);
        for (int c = 0; c < n; c++) {
            System.arraycopy(src, 0, w, 0, size);
            obs = obsIn;
            boolean restarted;
            try {
                if (resting) observe(w, t, tb, op.pc);
                if (!op.exec(w, t, tb, frame, c)) continue;
                restarted = settle(w, t, tb);
            } catch (FaultException | ArithmeticException e) {
                emitted += emitFault(src, w, e, op);
                continue;
            }
            boolean inStep = resting || w[tb] != 0 && region != 0 && !restarted && atomicRegion(w, tb) == region;
            if (w[tb] != 0 && (inStep || mergeLocal && ops[w[tb]].local)) {
                if (steps >= ATOMIC_STEP_LIMIT) {
                    emitted += emitFault(src, w, new FaultException(Fault.ATOMIC_TOO_LONG), op);
                    continue;
                }
                int more = expand(w, t, depth + 1, steps + 1, !inStep);
                if (more > 0) {
                    emitted += more;
                    continue;
                }
                // An observe is no step: with the step it labels blocked, the thread has not moved.
                if (resting) continue;
                // Blocked inside atomic: the block loses its atomicity here, as in Promela. (A local
                // step never blocks, so a merged run always goes on.)
            }
            emit(w, label++);
            emitted++;
        }
        return emitted;
    }

    /**
     * Runs the free instructions (jumps, implicit returns, scope resets) that follow a step. True
     * when a jump went back to the start of an atomic block: a new run of it, and so a new step.
     */
    boolean settle(int[] s, int t, int tb) {
        int pc;
        byte kind;
        boolean restarted = false;
        while ((pc = s[tb]) != 0 && (kind = freeKind[pc]) != STEP) {
            if (kind == OBSERVE) {
                if (starting) break;
                observe(s, t, tb, pc);
            }
            restarted |= entersAtomic[pc];
            ops[pc].exec(s, t, tb, tb + Layout.HDR + s[tb + 1], 0);
        }
        return restarted;
    }

    /** Whether some alternative of op, run from src on a scratch copy, would observe. */
    private boolean wouldObserve(int[] src, int t, int tb, int frame, Op op, int n) {
        if (probe == null) probe = new int[size];
        probing = true;
        probed = false;
        try {
            for (int c = 0; c < n && !probed; c++) {
                System.arraycopy(src, 0, probe, 0, size);
                try {
                    if (op.exec(probe, t, tb, frame, c)) settle(probe, t, tb);
                } catch (FaultException | ArithmeticException e) {
                    // The step itself will raise it again, where it is reported.
                }
            }
        } finally {
            probing = false;
        }
        return probed;
    }

    /** Records the observe at pc as the observation of the step being generated. */
    private void observe(int[] s, int t, int tb, int pc) {
        if (probing) {
            probed = true;
            return;
        }
        if (obs != 0) {
            faultAt = pc;
            throw new FaultException(Fault.OBSERVE_TWICE);
        }
        if (table == null) {
            obs = SEEN;
            return;
        }
        ObserveOp op = (ObserveOp) ops[pc];
        int n = op.args.length, frame = tb + Layout.HDR + s[tb + 1];
        if (obsValues.length < n) obsValues = new int[n];
        for (int i = 0; i < n; i++) obsValues[i] = op.args[i].eval(s, frame);
        obs = table.intern(t, op, obsValues, n);
    }

    /** The observation code of the successor being passed to the sink; 0 for an internal step. */
    @Override
    public int observation() {
        return obs > 0 ? obs : 0;
    }

    /**
     * The outermost atomic block the thread is in, directly or through the calls that led here; 0
     * for none. Outermost: a block inside a procedure called from an atomic block is part of the
     * caller's block, and leaving it must not end the caller's step.
     */
    private int atomicRegion(int[] s, int tb) {
        int r = ops[s[tb]].atomic;
        int rel = s[tb + 1];
        while (true) {
            int frame = tb + Layout.HDR + rel;
            int retPc = s[frame];
            if (retPc == 0) return r;
            if (ops[retPc].atomic != 0) r = ops[retPc].atomic;
            rel = s[frame + 1];
        }
    }

    private int emitFault(int[] src, int[] w, RuntimeException e, Op op) {
        Fault f = e instanceof FaultException fe ? fe.fault : Fault.ARITHMETIC;
        System.arraycopy(src, 0, w, 0, size);
        w[Layout.ERROR] = encodeFault(f, faultAt != 0 ? faultAt : op.pc);
        faultAt = 0;
        obs = 0;
        emit(w, label++);
        return 1;
    }

    private void emit(int[] w, int l) {
        if (symmetry != null) symmetry.canonicalize(w);
        sink.accept(w, l);
    }

    static int encodeFault(Fault f, int pc) { return (f.ordinal() + 1) << 24 | pc; }

    static Fault faultOf(int error) { return Fault.values()[(error >>> 24) - 1]; }

    static int faultPc(int error) { return error & 0xFFFFFF; }

    private int[] buffer(int depth) {
        if (depth >= scratch.length) {
            int had = scratch.length;
            scratch = java.util.Arrays.copyOf(scratch, depth + 1);
            for (int i = had; i <= depth; i++) scratch[i] = new int[size];
        }
        return scratch[depth];
    }
}
