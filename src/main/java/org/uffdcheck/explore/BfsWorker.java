package org.uffdcheck.explore;

import java.util.concurrent.locks.Lock;
import org.uffdcheck.compile.TransitionSystem;
import org.uffdcheck.props.StateChecks;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.VisitedSet;

/**
 * One thread of a breadth-first search: takes a block of states of the current level, expands
 * each with its own stepper, stores new fingerprints in the shared table, and hands new states
 * back in blocks. Nothing here allocates per state; every buffer is made once per worker (the
 * successor buffer grows when a state has more successors than any before it).
 *
 * <p>The successors of a state are collected first and their table slots touched together before
 * any is inserted: the table is far bigger than the caches, so each insert starts with a cache
 * miss, and touching them together lets the processor wait for those misses in parallel.
 */
final class BfsWorker implements TransitionSystem.SuccessorSink {
    private static final TransitionSystem.SuccessorSink IGNORE = (next, label) -> { };
    private static final int OUT = 256;

    private final Bfs bfs;
    private final int width;
    private final VisitedSet visited;
    private final StateChecks checks;
    private final int reachables;
    private final long stateLimit;
    private final TransitionSystem.Stepper stepper;
    private final int[] block;
    private final int[] out;
    private final long[] outParents = new long[OUT];
    private final int[] outOrdinals = new int[OUT];
    private int outCount;

    private int[] succ;
    private final int[] scratch;
    private long[] succFp = new long[16];
    private int succCount;
    private long touched;

    private long curId;
    private int curDepth;
    private long transitions;
    private int deepest;

    BfsWorker(Bfs bfs) {
        this.bfs = bfs;
        this.width = bfs.width;
        this.visited = bfs.visited;
        this.checks = bfs.checks;
        this.reachables = checks.reachableCount();
        this.stateLimit = bfs.stateLimit;
        this.stepper = bfs.ts.newStepper();
        this.block = new int[Bfs.BLOCK * Math.max(1, width)];
        this.out = new int[OUT * Math.max(1, width)];
        this.succ = new int[16 * Math.max(1, width)];
        this.scratch = new int[width];
    }

    void run() {
        long[] where = new long[2];
        int[] cur = new int[width];
        Lock shared = bfs.growth.readLock();
        while (true) {
            int n;
            try {
                n = bfs.take(block, where);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (n == 0) return;
            long firstId = where[0];
            int depth = (int) where[1];
            shared.lock();
            try {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(block, i * width, cur, 0, width);
                    expand(cur, firstId + i, depth);
                    if (visited.wantsGrowth()) {
                        // A safe point: this worker has no insert in flight.
                        shared.unlock();
                        try {
                            grow();
                        } finally {
                            shared.lock();
                        }
                    }
                }
            } finally {
                shared.unlock();
            }
            flush(n, true);
        }
    }

    private void grow() {
        Lock excl = bfs.growth.writeLock();
        excl.lock();
        try {
            if (visited.wantsGrowth()) visited.grow();
        } finally {
            excl.unlock();
        }
    }

    private void expand(int[] cur, long id, int depth) {
        curId = id;
        curDepth = depth;
        succCount = 0;
        int k;
        if (bfs.maxDepth > 0 && depth >= bfs.maxDepth) {
            k = stepper.successors(cur, IGNORE);
            if (k > 0) {
                bfs.depthBoundHit();
                return;
            }
        } else {
            k = stepper.successors(cur, this);
            transitions += k;
            long t = 0;
            for (int j = 0; j < k; j++) t += visited.touch(succFp[j]);
            touched ^= t;
            for (int j = 0; j < k; j++) store(j);
        }
        if (k == 0 && checks.checksDeadlock() && !checks.isValidEnd(cur)) {
            bfs.findings.violation(new Findings.End(Findings.DEADLOCK_INDEX, ExploreResult.DEADLOCK, depth,
                    Fingerprint.of(cur), id, -1));
        }
    }

    @Override
    public void accept(int[] next, int label) {
        int j = succCount++;
        if (j == succFp.length) {
            succFp = java.util.Arrays.copyOf(succFp, 2 * j);
            succ = java.util.Arrays.copyOf(succ, 2 * j * Math.max(1, width));
        }
        System.arraycopy(next, 0, succ, j * width, width);
        succFp[j] = Fingerprint.of(next);
    }

    /** Stores successor j of the current state if it is new. */
    private void store(int j) {
        long fp = succFp[j];
        if (!visited.add(fp)) return;
        if (visited.size() > stateLimit) {
            bfs.limitHit();
            return;
        }
        int d = curDepth + 1;
        if (d > deepest) deepest = d;
        int[] next = scratch;
        System.arraycopy(succ, j * width, next, 0, width);
        int v = checks.violation(next);
        if (v != StateChecks.OK) {
            // Violating states are counted but not expanded.
            bfs.findings.violation(new Findings.End(v, checks.propertyName(v), d, fp, curId, j));
            return;
        }
        for (int i = 0; i < reachables; i++) {
            if (bfs.findings.wantsWitness(i, d) && checks.reached(i, next)) {
                bfs.findings.witness(i, new Findings.End(i, null, d, fp, curId, j));
            }
        }
        System.arraycopy(next, 0, out, outCount * width, width);
        outParents[outCount] = curId;
        outOrdinals[outCount] = j;
        if (++outCount == OUT) flush(0, false);
    }

    /** Hands new states and counts to the search; blockDone says a taken block is finished. */
    private void flush(int blockStates, boolean blockDone) {
        if (touched == 42) Thread.onSpinWait(); // keeps the touches from being optimised away
        bfs.give(out, outParents, outOrdinals, outCount, blockStates, transitions, deepest, blockDone);
        outCount = 0;
        transitions = 0;
    }
}
