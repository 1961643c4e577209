package org.uffdcheck.explore;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.state.MemoryBudget;

/**
 * The slow-path duties of a search, done every few thousand states rather than per state: noticing
 * a stop request or the time limit, and publishing progress for other threads and the listener.
 */
final class RunControl {
    /** Searches poll when (count & POLL_MASK) == 1: on the first state, then every 1024. */
    static final long POLL_MASK = 1023;

    private final AtomicBoolean stop;
    private final Consumer<Progress> listener;
    private final MemoryBudget budget;
    private final long startNanos = System.nanoTime();
    private final double timeLimitSeconds;
    private final long deadlineNanos;
    private final long progressNanos;
    private long nextProgressNanos;
    private String stopReason;

    private volatile long states;
    private volatile long transitions;
    private volatile int depth;
    private volatile long queued;

    RunControl(ExploreOptions opts, AtomicBoolean stop, Consumer<Progress> listener, MemoryBudget budget) {
        this.stop = stop;
        this.listener = listener;
        this.budget = budget;
        this.timeLimitSeconds = opts.timeLimitSeconds();
        this.deadlineNanos = opts.timeLimitSeconds() > 0
                ? startNanos + (long) (opts.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        this.progressNanos = opts.progressSeconds() > 0 ? (long) (opts.progressSeconds() * 1e9) : 0;
        this.nextProgressNanos = startNanos + progressNanos;
    }

    /** Publishes progress; true when the search must stop now (see {@link #stopReason()}). */
    boolean poll(long states, long transitions, int depth, long queued) {
        publish(states, transitions, depth, queued);
        long now = System.nanoTime();
        if (listener != null && progressNanos > 0 && now - nextProgressNanos >= 0) {
            nextProgressNanos = now + progressNanos;
            listener.accept(progress());
        }
        if (stop.get()) {
            stopReason = "interrupted";
        } else if (now - deadlineNanos >= 0) {
            stopReason = "time-limit " + seconds(timeLimitSeconds);
        }
        return stopReason != null;
    }

    void publish(long states, long transitions, int depth, long queued) {
        this.states = states;
        this.transitions = transitions;
        this.depth = depth;
        this.queued = queued;
    }

    /** Null while running; "interrupted" or "time-limit ..." after poll returned true. */
    String stopReason() {
        return stopReason;
    }

    boolean interrupted() {
        return "interrupted".equals(stopReason);
    }

    Progress progress() {
        return new Progress(states, transitions, depth, queued, elapsedSeconds(), budget.inUse(), budget.limit());
    }

    MemoryBudget budget() {
        return budget;
    }

    /** The bound a search reports when its memory budget refuses it room: "memory 300 MiB". */
    String memoryBound() {
        return "memory " + MemoryBudget.format(budget.limit());
    }

    /** The bound a search reports when the Java heap ran out before the budget did. */
    static String heapBound() {
        return "memory: Java heap of " + MemoryBudget.format(Runtime.getRuntime().maxMemory()) + " full";
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** "5s" for whole seconds, "2.5s" otherwise. */
    static String seconds(double s) {
        return s == Math.rint(s) ? (long) s + "s" : s + "s";
    }
}
