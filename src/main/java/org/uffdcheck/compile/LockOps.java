package org.uffdcheck.compile;

import org.uffdcheck.engine.Fault;

/**
 * rw-semaphores and spinlocks. An acquire that cannot succeed blocks the thread; a release of a
 * lock the thread does not hold is a fault (LockWord says how a lock value packs its holders).
 * A thread counts the spinlocks it holds, so that sleeping under one can be caught.
 */
final class LockOps {
    private LockOps() {}

    enum Kind {
        DOWN_READ, DOWN_WRITE, UP_READ, UP_WRITE, SPIN_LOCK, SPIN_UNLOCK, DOWN_READ_KILLABLE, DOWN_WRITE_KILLABLE,
        DOWN_READ_TRYLOCK, DOWN_WRITE_TRYLOCK, DOWNGRADE_WRITE
    }

    static final class Lock extends Op {
        final Kind kind;
        final Addr lock;
        /**
         * For the killable variants: receives true when a fatal signal made the acquire fail; for
         * the trylocks: true when the lock was taken.
         */
        final Addr dest;

        Lock(Kind kind, Addr lock, Addr dest) { this.kind = kind; this.lock = lock; this.dest = dest; }

        boolean killable() { return kind == Kind.DOWN_READ_KILLABLE || kind == Kind.DOWN_WRITE_KILLABLE; }

        /** Whether the acquire can go ahead now. */
        boolean available(int[] s, int frame) {
            int v = s[lock.at(s, frame)];
            return switch (kind) {
                case DOWN_READ, DOWN_READ_KILLABLE -> LockWord.readable(v);
                case DOWN_WRITE, DOWN_WRITE_KILLABLE, SPIN_LOCK -> v == LockWord.FREE;
                case UP_READ, UP_WRITE, SPIN_UNLOCK, DOWN_READ_TRYLOCK, DOWN_WRITE_TRYLOCK, DOWNGRADE_WRITE -> true;
            };
        }

        @Override int choices(int[] s, int tid, int tb, int frame) {
            if (killable() && s[tb + Layout.SIGNAL] == Layout.SIG_PENDING) return 1;
            if (available(s, frame)) return 1;
            // It would sleep: an rwsem may not be waited for under a spinlock.
            if (kind != Kind.SPIN_LOCK) TaskOps.mayNotSleepAtomic(s, tb);
            return 0;
        }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int a = lock.at(s, frame);
            int v = s[a];
            boolean interrupted = false;
            switch (kind) {
                case DOWN_READ, DOWN_READ_KILLABLE -> {
                    if (kind == Kind.DOWN_READ_KILLABLE && s[tb + Layout.SIGNAL] == Layout.SIG_PENDING) {
                        interrupted = true;
                    } else {
                        if (LockWord.readBy(v, tid)) throw new FaultException(Fault.RECURSIVE_LOCK);
                        s[a] = LockWord.withReader(v, tid);
                    }
                }
                case DOWN_WRITE, DOWN_WRITE_KILLABLE -> {
                    if (kind == Kind.DOWN_WRITE_KILLABLE && s[tb + Layout.SIGNAL] == Layout.SIG_PENDING) interrupted = true;
                    else s[a] = LockWord.writeLockedBy(tid);
                }
                case DOWN_READ_TRYLOCK -> {
                    if (LockWord.readBy(v, tid)) throw new FaultException(Fault.RECURSIVE_LOCK);
                    boolean taken = LockWord.readable(v);
                    if (taken) s[a] = LockWord.withReader(v, tid);
                    if (dest != null) s[dest.at(s, frame)] = taken ? 1 : 0;
                }
                case DOWN_WRITE_TRYLOCK -> {
                    boolean taken = v == LockWord.FREE;
                    if (taken) s[a] = LockWord.writeLockedBy(tid);
                    if (dest != null) s[dest.at(s, frame)] = taken ? 1 : 0;
                }
                case DOWNGRADE_WRITE -> {
                    // No other thread can slip in: the writer becomes the only reader in one step.
                    if (v != LockWord.writeLockedBy(tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = LockWord.withReader(LockWord.FREE, tid);
                }
                case UP_READ -> {
                    if (!LockWord.readBy(v, tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = LockWord.withoutReader(v, tid);
                }
                case UP_WRITE -> {
                    if (v != LockWord.writeLockedBy(tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = LockWord.FREE;
                }
                case SPIN_LOCK -> {
                    s[a] = LockWord.spinLockedBy(tid);
                    s[tb + Layout.SPINS]++;
                }
                case SPIN_UNLOCK -> {
                    if (v != LockWord.spinLockedBy(tid)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = LockWord.FREE;
                    s[tb + Layout.SPINS]--;
                }
            }
            if (dest != null && killable()) s[dest.at(s, frame)] = interrupted ? 1 : 0;
            s[tb] = next;
            return true;
        }
    }
}
