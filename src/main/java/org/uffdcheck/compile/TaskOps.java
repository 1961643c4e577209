package org.uffdcheck.compile;

import org.uffdcheck.engine.Fault;

/** Task states, sleeping and waking, as the kernel's scheduler primitives behave. */
final class TaskOps {
    private TaskOps() {}

    static final int TASK_RUNNING = 0, TASK_INTERRUPTIBLE = 1, TASK_UNINTERRUPTIBLE = 2, TASK_KILLABLE = 3;

    /** A fatal signal ends the sleep of a task in these states. */
    static boolean killable(int state) { return state == TASK_KILLABLE || state == TASK_INTERRUPTIBLE; }

    static void mayNotSleepAtomic(int[] s, int tb) {
        if (s[tb + Layout.SPINS] > 0) throw new FaultException(Fault.SLEEP_UNDER_SPINLOCK);
    }

    static final class SetState extends Op {
        final IntExpr state;
        SetState(IntExpr state) { this.state = state; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[tb + Layout.TASK_STATE] = state.eval(s, frame);
            s[tb] = next;
            return true;
        }
    }

    /**
     * schedule(): returns at once for a running task; otherwise sleeps until woken, or until a fatal
     * signal for a killable sleep. Calling it under a spinlock is a fault even when it would not sleep.
     */
    static final class Schedule extends Op {
        @Override int choices(int[] s, int tid, int tb, int frame) {
            mayNotSleepAtomic(s, tb);
            int st = s[tb + Layout.TASK_STATE];
            if (st == TASK_RUNNING) return 1;
            return killable(st) && s[tb + Layout.SIGNAL] == Layout.SIG_PENDING ? 1 : 0;
        }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            s[tb + Layout.TASK_STATE] = TASK_RUNNING;
            s[tb] = next;
            return true;
        }
    }

    static final class WakeUp extends Op {
        final IntExpr task;
        final int[] threadBase;
        WakeUp(IntExpr task, int[] threadBase) { this.task = task; this.threadBase = threadBase; }
        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int t = task.eval(s, frame);
            if (t > 0) s[threadBase[t - 1] + Layout.TASK_STATE] = TASK_RUNNING;
            s[tb] = next;
            return true;
        }
    }
}
