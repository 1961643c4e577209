package org.uffdcheck.compile;

import org.uffdcheck.lang.Span;

/**
 * One instruction of a thread. Each executes as one step, except free ones (bookkeeping such as an
 * implicit return), which run as part of the step before them.
 * tb is the thread's region in the state, frame the absolute start of its current frame.
 */
abstract class Op {
    int pc;
    int next;
    /** Non-zero inside atomic { }: the thread keeps running while it stays inside and can move. */
    int atomic;
    Layout.ProcLayout proc;
    Span span;
    /** Touches only the thread's own frame (see Locality): may run as part of the step before it. */
    boolean local;
    /** Labelled user_wait...: the thread waits for user space here, so it must hold no forbidden lock. */
    boolean userWait;
    /** The statement as shown in traces. */
    String text;

    boolean free() { return false; }

    /** How many alternatives this step has in state s; 0 when the thread is blocked. */
    int choices(int[] s, int tid, int tb, int frame) { return 1; }

    /** Performs alternative c on s (a copy the caller owns); false when that alternative is not enabled. */
    abstract boolean exec(int[] s, int tid, int tb, int frame, int c);
}
