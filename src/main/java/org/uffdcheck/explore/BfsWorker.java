package org.uffdcheck.explore;

import java.util.concurrent.locks.Lock;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.FingerprintTable;
import org.uffdcheck.state.VisitedSet;

/**
 * One thread of a breadth-first search: takes a block of states of the current level, expands
 * each with its own stepper, stores new fingerprints in the shared table, and hands new states
 * back in blocks. Nothing here allocates per state; every buffer is made once per worker (the
 * successor buffer grows when a group of states has more successors than any before it).
 *
 * <p>The successors of a few states (at least GROUP, in order) are collected first and their
 * table slots touched together before any is inserted: the table is far bigger than the caches,
 * so each insert starts with a cache miss, and touching them together lets the processor wait for
 * those misses in parallel. They are inserted in the order they were generated, so ids, parents
 * and counts are those of expanding one state at a time.
 *
 * <p>A successor's fingerprint is updated from its parent's rather than computed afresh (see
 * Fingerprint.update): the queue carries each state's fingerprint sum after its slots.
 *
 * <p>With several workers, blocks are stored in the order they were taken (see Bfs): a worker
 * expands its block and drops the successors already in the table, which an earlier level or an
 * earlier block of this one put there, and keeps the rest as candidates; when every earlier block
 * is stored, it stores its candidates in the order they were generated. So every state is stored
 * from the same parent, under the same id, as one worker would store it, whatever the timing.
 */
final class BfsWorker implements TransitionSystem.SuccessorSink {
    private static final TransitionSystem.SuccessorSink IGNORE = (next, label) -> { };
    private static final int OUT = 256;
    /** The block and out buffers hold at most this many ints (4 MiB) each, fewer records when states are wide. */
    private static final int BUFFER_INTS = 1 << 20;
    /** Successors collected before their table slots are touched together (one state's may be more). */
    private static final int GROUP = 16;
    /** A successor whose properties are checked only once it is known to be new. */
    private static final int UNCHECKED = Integer.MIN_VALUE;

    private final Bfs bfs;
    private final int width;
    private final int record;
    private final VisitedSet visited;
    private final StateChecks checks;
    private final int reachables;
    private final long stateLimit;
    private final TransitionSystem.Stepper stepper;
    /** Null with one worker, which stores successors as it generates them. */
    private final Candidates candidates;
    /** Answers "stored already" without storing; null for a bit-state set, whose answer may be wrong. */
    private final FingerprintTable table;
    private final int[] block;
    private final int[] out;
    private final long[] outParents = new long[OUT];
    private final int[] outOrdinals = new int[OUT];
    private int outCount;
    private final int outRecords;

    /** Successors of the current state, each a record: the state, then its fingerprint's sum. */
    private int[][] succ = new int[0][];
    private long[] succFp = new long[0];
    private long[] succParent = new long[0];
    private int[] succOrdinal = new int[0];
    private int succCount;
    private long touched;

    private final int[] cur;
    private long curSum;
    /** Where the current state's successors start among those collected. */
    private int curFirst;
    private long curId;
    private int curDepth;
    private long transitions;
    private int deepest;

    BfsWorker(Bfs bfs) {
        this.bfs = bfs;
        this.width = bfs.width;
        this.record = bfs.record;
        this.visited = bfs.visited;
        this.checks = bfs.checks;
        this.reachables = checks.reachableCount();
        this.stateLimit = bfs.stateLimit;
        this.stepper = bfs.ts.newStepper();
        this.candidates = bfs.ordered ? new Candidates(record) : null;
        this.table = bfs.ordered && visited instanceof FingerprintTable ? (FingerprintTable) visited : null;
        this.block = new int[Math.max(1, Math.min(Bfs.BLOCK, BUFFER_INTS / record)) * record];
        this.outRecords = Math.max(1, Math.min(OUT, BUFFER_INTS / record));
        this.out = new int[outRecords * record];
        this.cur = new int[width];
        growSuccessors(16);
    }

    void run() {
        long[] where = new long[2];
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
            curDepth = (int) where[1];
            shared.lock();
            try {
                int i = 0;
                while (i < n) {
                    succCount = 0;
                    // Expand states until there are enough successors to touch together.
                    while (i < n && succCount < GROUP) {
                        System.arraycopy(block, i * record, cur, 0, width);
                        curSum = Bfs.getSum(block, i * record + width);
                        expand(firstId + i);
                        i++;
                    }
                    long t = 0;
                    for (int j = 0; j < succCount; j++) t += visited.touch(succFp[j]);
                    touched ^= t;
                    if (candidates == null) {
                        // One state may have more successors than the table has room for: grow
                        // between groups of stores, not only after the whole lot.
                        boolean room = true;
                        for (int from = 0; room && from < succCount; from += GROUP) {
                            int to = Math.min(succCount, from + GROUP);
                            for (int j = from; j < to; j++) store(succ[j], succFp[j], succParent[j], succOrdinal[j], UNCHECKED);
                            room = growIfWanted(shared);
                        }
                        if (!room) break;
                    } else {
                        for (int j = 0; j < succCount; j++) collect(j);
                        if (!growIfWanted(shared)) break;
                    }
                }
            } finally {
                shared.unlock();
            }
            if (candidates != null) {
                if (!bfs.awaitTurn(firstId)) return;
                storeCandidates(shared);
            }
            flush(n, true);
        }
    }

    /** Keeps successor j for the block's turn unless the table already has it. */
    private void collect(int j) {
        long fp = succFp[j];
        if (table != null && table.contains(fp)) return;
        candidates.add(succ[j], fp, succParent[j], succOrdinal[j], checks.violation(succ[j]));
    }

    /** Stores the block's candidates in the order they were generated; every earlier block is stored. */
    private void storeCandidates(Lock shared) {
        Candidates c = candidates;
        shared.lock();
        try {
            for (int from = 0; from < c.count; from += GROUP) {
                int to = Math.min(c.count, from + GROUP);
                long t = 0;
                for (int j = from; j < to; j++) t += visited.touch(c.fps[j]);
                touched ^= t;
                for (int j = from; j < to; j++) store(c.rows[j], c.fps[j], c.parents[j], c.ordinals[j], c.violations[j]);
                if (!growIfWanted(shared)) break;
            }
        } finally {
            shared.unlock();
            c.count = 0;
        }
    }

    /**
     * Grows the table if it is full enough; called at a safe point, with no insert in flight. False
     * when the memory budget refused the room: the table is left as it is, so stop filling it.
     */
    private boolean growIfWanted(Lock shared) {
        if (!visited.wantsGrowth()) return true;
        shared.unlock();
        try {
            grow();
        } finally {
            shared.lock();
        }
        return !bfs.memoryFull;
    }

    private void grow() {
        Lock excl = bfs.growth.writeLock();
        excl.lock();
        try {
            if (!bfs.memoryFull && visited.wantsGrowth() && !visited.grow()) bfs.memoryHit();
        } finally {
            excl.unlock();
        }
    }

    /** Generates the successors of cur (state id) after those already collected. */
    private void expand(long id) {
        curId = id;
        curFirst = succCount;
        int k;
        if (bfs.maxDepth > 0 && curDepth >= bfs.maxDepth) {
            k = stepper.successors(cur, IGNORE);
            if (k > 0) {
                bfs.depthBoundHit();
                return;
            }
        } else {
            k = stepper.successors(cur, this);
            transitions += k;
        }
        if (checks.deadlocked(cur, k)) {
            bfs.findings.violation(new Findings.End(Findings.DEADLOCK_INDEX, PropertyId.DEADLOCK, curDepth,
                    Fingerprint.finish(curSum, width), id, -1));
        }
    }

    @Override
    public void accept(int[] next, int label) {
        int j = succCount++;
        if (j == succFp.length) growSuccessors(2 * j);
        int[] row = succ[j];
        System.arraycopy(next, 0, row, 0, width);
        long sum = Fingerprint.update(curSum, cur, next, width);
        Bfs.putSum(row, width, sum);
        succFp[j] = Fingerprint.finish(sum, width);
        succParent[j] = curId;
        succOrdinal[j] = j - curFirst;
    }

    private void growSuccessors(int n) {
        int had = succ.length;
        succ = java.util.Arrays.copyOf(succ, n);
        for (int i = had; i < n; i++) succ[i] = new int[record];
        succFp = java.util.Arrays.copyOf(succFp, n);
        succParent = java.util.Arrays.copyOf(succParent, n);
        succOrdinal = java.util.Arrays.copyOf(succOrdinal, n);
    }

    /** Stores successor next (a record) if it is new; v is its property verdict, or UNCHECKED. */
    private void store(int[] next, long fp, long parent, int ordinal, int v) {
        if (!visited.add(fp)) return;
        if (visited.size() > stateLimit) {
            bfs.limitHit();
            return;
        }
        int d = curDepth + 1;
        if (d > deepest) deepest = d;
        if (v == UNCHECKED) v = checks.violation(next);
        if (v != StateChecks.OK) {
            // Violating states are counted but not expanded.
            bfs.findings.violation(new Findings.End(v, checks.property(v), d, fp, parent, ordinal));
            return;
        }
        for (int i = 0; i < reachables; i++) {
            if (bfs.findings.wantsWitness(i, d) && checks.reached(i, next)) {
                bfs.findings.witness(i, new Findings.End(i, null, d, fp, parent, ordinal));
            }
        }
        System.arraycopy(next, 0, out, outCount * record, record);
        outParents[outCount] = parent;
        outOrdinals[outCount] = ordinal;
        if (++outCount == outRecords) flush(0, false);
    }

    /** Hands new states and counts to the search; blockDone says a taken block is finished. */
    private void flush(int blockStates, boolean blockDone) {
        if (touched == 42) Thread.onSpinWait(); // keeps the touches from being optimised away
        bfs.give(out, outParents, outOrdinals, outCount, blockStates, transitions, deepest, blockDone);
        outCount = 0;
        transitions = 0;
    }
}
