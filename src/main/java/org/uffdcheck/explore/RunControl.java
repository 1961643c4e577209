package org.uffdcheck.explore;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.state.BitStateSet;
import org.uffdcheck.state.FingerprintTable;
import org.uffdcheck.state.MemoryBudget;
import org.uffdcheck.state.VisitedSet;

/**
 * The slow-path duties every search shares, done every few thousand states rather than per state:
 * noticing a stop request or the time limit, and publishing progress for other threads and the
 * listener; with the memory budget, the bounds it and the heap set, and the visited set it pays for.
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
    private boolean interrupted;
    private Bound timedOut;

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

    /** Publishes progress; true when the search must stop now: interrupted, or see {@link #timedOut()}. */
    boolean poll(long states, long transitions, int depth, long queued) {
        publish(states, transitions, depth, queued);
        long now = System.nanoTime();
        if (listener != null && progressNanos > 0 && now - nextProgressNanos >= 0) {
            nextProgressNanos = now + progressNanos;
            listener.accept(progress());
        }
        if (stop.get()) {
            interrupted = true;
        } else if (now - deadlineNanos >= 0) {
            timedOut = Bound.time(timeLimitSeconds);
        }
        return interrupted || timedOut != null;
    }

    void publish(long states, long transitions, int depth, long queued) {
        this.states = states;
        this.transitions = transitions;
        this.depth = depth;
        this.queued = queued;
    }

    /** The time limit, once poll found it passed (and no stop request came first); else null. */
    Bound timedOut() {
        return timedOut;
    }

    boolean interrupted() {
        return interrupted;
    }

    Progress progress() {
        return new Progress(states, transitions, depth, queued, elapsedSeconds(), budget.inUse(), budget.limit());
    }

    MemoryBudget budget() {
        return budget;
    }

    /**
     * The visited set the options ask for, within the budget: exact, starting at initialSlots and
     * rehashed by up to threads threads when large, or a bit-state array of the size given.
     */
    VisitedSet visitedSet(ExploreOptions opts, long initialSlots, int threads) {
        return opts.bitstate() ? new BitStateSet(opts.bitstateBits(), BitStateSet.DEFAULT_HASHES, budget)
                : new FingerprintTable(initialSlots, budget).rehashThreads(threads);
    }

    /** The bound a search reports when its memory budget refuses it room. */
    Bound memoryBound() {
        return new Bound(Bound.Kind.MEMORY, MemoryBudget.format(budget.limit()));
    }

    /** The bound a search reports when the Java heap ran out before the budget did. */
    static Bound heapBound() {
        return new Bound(Bound.Kind.HEAP, MemoryBudget.format(Runtime.getRuntime().maxMemory()));
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
