package org.uffdcheck.compile;

import org.uffdcheck.lang.check.Fault;

/**
 * rw-semaphores and spinlocks. An acquire that cannot succeed blocks the thread; a release of a
 * lock the thread does not hold is a fault. Readers are a bit mask so a release can be checked.
 */
final class LockOps {
    private LockOps() {}

    enum Kind { DOWN_READ, DOWN_WRITE, UP_READ, UP_WRITE, SPIN_LOCK, SPIN_UNLOCK }

    static final class Lock extends Op {
        final Kind kind;
        final Addr lock;

        Lock(Kind kind, Addr lock) { this.kind = kind; this.lock = lock; }

        @Override int choices(int[] s, int tid, int tb, int fp) {
            int v = s[lock.at(s, fp)];
            return switch (kind) {
                case DOWN_READ -> v >= 0 ? 1 : 0;
                case DOWN_WRITE, SPIN_LOCK -> v == 0 ? 1 : 0;
                default -> 1;
            };
        }

        boolean exec(int[] s, int tid, int tb, int fp, int c) {
            int a = lock.at(s, fp);
            int v = s[a];
            int bit = 1 << tid;
            switch (kind) {
                case DOWN_READ -> {
                    if ((v & bit) != 0) throw new FaultException(Fault.RECURSIVE_LOCK);
                    s[a] = v | bit;
                }
                case DOWN_WRITE -> s[a] = -(tid + 1);
                case UP_READ -> {
                    if (v <= 0 || (v & bit) == 0) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = v & ~bit;
                }
                case UP_WRITE -> {
                    if (v != -(tid + 1)) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = 0;
                }
                case SPIN_LOCK -> s[a] = tid + 1;
                case SPIN_UNLOCK -> {
                    if (v != tid + 1) throw new FaultException(Fault.UNLOCK_NOT_HELD);
                    s[a] = 0;
                }
            }
            s[tb] = next;
            return true;
        }
    }
}
