package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.MemoryBudget;
import org.uffdcheck.state.ParentLinks;
import org.uffdcheck.state.StateQueue;
import org.uffdcheck.state.VisitedSet;

/**
 * Breadth-first search by one or more workers, level by level. States are numbered in the order
 * they enter the FIFO queue, so the n-th state taken out has id n and a level is a range of ids;
 * per state only its fingerprint (in a shared compare-and-set table) and five bytes of parent link
 * are kept, and traces are rebuilt by replaying successor positions from the initial state.
 *
 * <p>Workers take blocks of states from the current level, expand them with their own stepper,
 * and hand new states back in blocks, which is when ids are given. No worker starts on the next
 * level before the current one is done, so every state is first reached at its true depth and
 * every trace is a shortest one. A violation stops the search at the end of its level, after every
 * state of that level has been expanded: the counts, the verdict and the trace length are then the
 * same for any number of workers, and among equally short violations the one reported is chosen by
 * fingerprint, not by which worker came first.
 *
 * <p>Several workers expand blocks at once but store their new states block by block in the order
 * the blocks were taken (see BfsWorker). Ids, parents and successor positions are then those one
 * worker gives, so the trace printed is the same, step for step, for any number of workers and
 * any run.
 */
final class Bfs implements Search {
    static final int BLOCK = 64;
    private static final int INITIAL_TABLE = 1 << 14;
    /** Queue memory before it spills to disk: a quarter of the heap (or of the memory budget, if less). */
    private static final long QUEUE_MEMORY = Runtime.getRuntime().maxMemory() / 4;
    /** Workers evaluate properties recursively, as deep as the language lets them nest, whatever -Xss says. */
    private static final long WORKER_STACK_BYTES = 16L << 20;

    final TransitionSystem ts;
    final StateChecks checks;
    final RunControl control;
    final int maxDepth;
    final boolean all;
    final long stateLimit;
    final Bound limitName;
    final int width;
    /** A queued state: its width slots, then the sum its fingerprint is finished from (two ints). */
    final int record;
    final VisitedSet visited;
    final ParentLinks links;
    final StateQueue queue;
    final Findings findings;
    final ReentrantReadWriteLock growth = new ReentrantReadWriteLock();
    private final int workers;
    /** Whether blocks are stored in the order they were taken: needed by more than one worker. */
    final boolean ordered;

    // Guarded by this: the level being expanded and the ids taken out of the queue.
    private long nextTakeId;
    private long levelEnd;
    /** With ordered blocks: the id of the first state of the block whose turn it is to be stored. */
    private long nextStoreId;
    private int depth;
    private int inFlight;
    private boolean done;
    private long expanded;
    private long transitions;
    private long lastPoll = Long.MIN_VALUE / 2;
    private int deepest;
    /** Nanoseconds workers spent waiting for a level to finish, and for their block's turn to store. */
    private long levelWaitNanos;
    private long turnWaitNanos;
    volatile boolean stop;
    private volatile Bound bound;
    /** The memory budget refused the store room: workers stop at their next growth point. */
    volatile boolean memoryFull;

    Bfs(TransitionSystem ts, StateChecks checks, ExploreOptions opts, RunControl control) {
        this.ts = ts;
        this.checks = checks;
        this.control = control;
        this.maxDepth = opts.maxDepth();
        this.all = opts.all();
        this.workers = opts.workers();
        this.ordered = workers > 1;
        if (opts.maxStates() > 0 && opts.maxStates() < ParentLinks.MAX_STATES) {
            stateLimit = opts.maxStates();
            limitName = Bound.states(opts.maxStates());
        } else {
            stateLimit = ParentLinks.MAX_STATES;
            limitName = opts.maxStates() > 0 ? Bound.states(opts.maxStates()) : Bound.stateIds();
        }
        this.width = ts.stateSize();
        this.record = width + 2;
        MemoryBudget budget = control.budget();
        this.visited = control.visitedSet(opts, INITIAL_TABLE, workers);
        this.links = new ParentLinks(budget);
        this.queue = new StateQueue(record, Math.min(QUEUE_MEMORY, budget.limit() / 4));
        this.findings = new Findings(checks.reachableCount());
    }

    @Override
    public ExploreResult run() {
        try {
            int[] init = new int[record];
            ts.initialState(init);
            long sum = Fingerprint.sum(init, 0, width);
            putSum(init, width, sum);
            long fp = Fingerprint.finish(sum, width);
            visited.add(fp);
            int v = checks.violation(init);
            if (v != StateChecks.OK) {
                findings.violation(new Findings.End(v, checks.property(v), 0, fp, 0, -1));
            } else {
                for (int i = 0; i < checks.reachableCount(); i++) {
                    if (checks.reached(i, init)) findings.witness(i, new Findings.End(i, null, 0, fp, 0, -1));
                }
            }
            boolean linked = links.add(-1, 0);
            if (!linked) memoryHit();
            if (v == StateChecks.OK && linked) queue.push(init);
            levelEnd = queue.size();
            done = queue.isEmpty() || (findings.anyViolation() && !all);
            runWorkers();
            synchronized (this) {
                control.publish(visited.size(), transitions, deepest, queue.size());
            }
            return finish();
        } finally {
            queue.close();
            visited.free();
            links.free();
        }
    }

    private void runWorkers() {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            BfsWorker worker = new BfsWorker(this);
            Thread t = new Thread(null, () -> {
                try {
                    worker.run();
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    abandon();
                }
            }, "uffdcheck-bfs-" + w, WORKER_STACK_BYTES);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            new BfsWorker(this).run();
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        } finally {
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                Throwable f = failures.get(0);
                if (f instanceof RuntimeException) throw (RuntimeException) f;
                if (f instanceof Error) throw (Error) f;
                throw new IllegalStateException(f);
            }
        }
    }

    /** A worker failed: everyone stops. */
    private synchronized void abandon() {
        stop = true;
        done = true;
        notifyAll();
    }

    /**
     * Takes up to dst.length / record states of the current level into dst; returns how many
     * (0 when the search is over) and puts the first one's id and depth into where[0], where[1].
     * Waits while the level is being finished by other workers.
     */
    synchronized int take(int[] dst, long[] where) throws InterruptedException {
        while (true) {
            if (done || stop) return 0;
            if (nextTakeId < levelEnd) {
                int n = (int) Math.min(dst.length / record, levelEnd - nextTakeId);
                for (int i = 0; i < n; i++) queue.pop(dst, i * record);
                where[0] = nextTakeId;
                where[1] = depth;
                nextTakeId += n;
                inFlight++;
                return n;
            }
            if (inFlight > 0) {
                long t0 = System.nanoTime();
                wait();
                levelWaitNanos += System.nanoTime() - t0;
                continue;
            }
            nextLevel();
        }
    }

    /**
     * Waits until every block taken before the one starting at firstId is stored; false when the
     * search stops first.
     */
    synchronized boolean awaitTurn(long firstId) {
        if (nextStoreId == firstId || stop) return !stop;
        long t0 = System.nanoTime();   // only a block that has to wait reads the clock
        try {
            while (nextStoreId != firstId && !stop) wait();
        } catch (InterruptedException e) {
            // This block will never be stored, so no later one can be: everyone stops.
            Thread.currentThread().interrupt();
            abandon();
            return false;
        } finally {
            turnWaitNanos += System.nanoTime() - t0;
        }
        return !stop;
    }

    /** Every state of the level is expanded: stop, or move on to the states found. */
    private void nextLevel() {
        if ((findings.anyViolation() && !all) || queue.isEmpty()) {
            done = true;
        } else {
            depth++;
            levelEnd = nextTakeId + queue.size();
            poll();
        }
        notifyAll();
    }

    /**
     * A worker gives back what a block produced: new states, their parents and positions, and
     * counts. ids are given here, in queue order.
     */
    synchronized void give(int[] states, long[] parents, int[] ordinals, int count, int blockStates,
                           long blockTransitions, int blockDeepest, boolean blockDone) {
        for (int i = 0; i < count; i++) {
            if (memoryFull || !links.add(parents[i], ordinals[i])) {
                // No id without a link: the rest are stored as seen but never expanded.
                memoryHit();
                break;
            }
            queue.push(states, i * record);
        }
        expanded += blockStates;
        transitions += blockTransitions;
        if (blockDeepest > deepest) deepest = blockDeepest;
        if (blockDone) {
            inFlight--;
            if (ordered) {
                nextStoreId += blockStates;
                notifyAll();
            } else if (inFlight == 0 && nextTakeId == levelEnd) {
                notifyAll();
            }
        }
        if (expanded - lastPoll > RunControl.POLL_MASK) poll();
    }

    private void poll() {
        lastPoll = expanded;
        if (control.poll(visited.size(), transitions, depth, queue.size())) {
            stop = true;
            done = true;
            notifyAll();
        }
    }

    /** The state limit is hit: no more states are stored; the search ends when the level does. */
    synchronized void limitHit() {
        bound = limitName;
        stop = true;
        // Workers may be waiting for their block's turn to store (awaitTurn).
        notifyAll();
    }

    /** The memory budget refused room: the search ends with what it has, as at any bound. */
    synchronized void memoryHit() {
        bound = control.memoryBound();
        memoryFull = true;
        stop = true;
        notifyAll();
    }

    void depthBoundHit() {
        if (bound == null) bound = Bound.depth(maxDepth);
    }

    static void putSum(int[] a, int at, long sum) {
        a[at] = (int) sum;
        a[at + 1] = (int) (sum >>> 32);
    }

    static long getSum(int[] a, int at) {
        return a[at] & 0xFFFF_FFFFL | (long) a[at + 1] << 32;
    }

    private ExploreResult finish() {
        return new BfsResult(this).build(deepest, transitions, Math.min(visited.size(), stateLimit), bound,
                new Stats.Waits(workers, levelWaitNanos, turnWaitNanos));
    }
}
