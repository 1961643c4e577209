package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Witness;

/** rw-semaphores and spinlocks: who may hold them together, what blocks, and what is a fault. */
class LockSemanticsTest {
    private static final String DECLS = """
            var sem: rwsem;
            var lk: spinlock;
            var readers: int[0..2];
            var w: int[0..1];
            // 5 program points; holds sem at the middle three.
            proc reader() { down_read(sem); readers = readers + 1; readers = readers - 1; up_read(sem); }
            proc writer() { down_write(sem); w = 1; w = 0; up_write(sem); }
            proc locker() { spin_lock(lk); w = 1; w = 0; spin_unlock(lk); }
            invariant exclusive: w == 0 || readers == 0;
            reachable overlap: readers == 2;
            """;

    private static String scenario(String threads, String checks) {
        return DECLS + "scenario s {\n" + threads + "\ncheck " + checks + ";\nexpect holds;\n}\n";
    }

    private static ExploreResult body(String body) {
        return Sem.explore(Sem.compile(DECLS + "proc p() {\n" + body + "\n}\n"
                + "scenario s { thread t = p(); thread other = reader(); check deadlock; expect holds; }\n"));
    }

    @Test
    void readersOverlap() {
        // Readers never block each other: all 5 * 5 pairs of program points are reachable.
        CompiledScenario cs = Sem.compile(scenario("thread r1 = reader(); thread r2 = reader();", "overlap, deadlock"));
        ExploreResult r = Sem.explore(cs);
        assertHolds(25, r);
        Witness overlap = r.witnesses().get(0);
        // Shortest way to two readers inside: both take the lock and count themselves, 4 steps.
        assertEquals(4, overlap.trace().length());
        assertTrue(cs.describer().state(overlap.trace().last()).contains("sem = read-locked by r1, r2"));
    }

    @Test
    void writerExcludesReadersAndWriters() {
        // Reader and writer each hold sem at 3 of their 5 points; the 3 * 3 pairs where both would
        // hold are unreachable: 25 - 9 = 16 states.
        assertHolds(16, Sem.explore(Sem.compile(scenario("thread r = reader(); thread wr = writer();", "exclusive, deadlock"))));
        // Two writers likewise: 16.
        assertHolds(16, Sem.explore(Sem.compile(scenario("thread w1 = writer(); thread w2 = writer();", "deadlock"))));
        // Spinlocks too: 16.
        assertHolds(16, Sem.explore(Sem.compile(scenario("thread a = locker(); thread b = locker();", "deadlock"))));
    }

    @Test
    void downWriteBlocksWhileAReaderHoldsTheSem() {
        CompiledScenario cs = Sem.compile(scenario("thread r = reader(); thread wr = writer();", "deadlock"));
        int[] s = Sem.initial(cs);
        int[][] after = new int[1][];
        // The reader's first step: down_read.
        cs.newStepper().successors(s, (next, label) -> {
            if (CompiledScenario.threadOfLabel(label) == 0) after[0] = next.clone();
        });
        assertTrue(cs.describer().state(after[0]).contains("sem = read-locked by r"));
        List<List<String>> next = Sem.successors(cs, after[0]);
        assertEquals(1, next.size(), "only the reader can move: " + next);
        assertTrue(next.get(0).contains("readers = 1"));
    }

    @Test
    void releasingALockNotHeldIsAFault() {
        assertViolation("unlock_not_held", 1, body("up_read(sem);"));
        assertViolation("unlock_not_held", 1, body("up_write(sem);"));
        assertViolation("unlock_not_held", 1, body("spin_unlock(lk);"));
        // Held, but the other way.
        assertViolation("unlock_not_held", 2, body("down_write(sem); up_read(sem);"));
        assertViolation("unlock_not_held", 2, body("down_read(sem); up_write(sem);"));
    }

    @Test
    void releasingAnotherThreadsLockIsAFault() {
        // other = reader() holds sem for reading after one step; t releases it.
        String m = DECLS + """
                proc p() { await readers == 1; up_read(sem); }
                scenario s { thread t = p(); thread other = reader(); check deadlock; expect holds; }
                """;
        // other: down_read, readers + 1 (2 steps); t: await, up_read (2 steps).
        assertViolation("unlock_not_held", 4, Sem.explore(Sem.compile(m)));
    }

    @Test
    void downReadTwiceIsARecursiveLock() {
        assertViolation("recursive_lock", 2, body("down_read(sem); down_read(sem);"));
    }

    @Test
    void downWriteTwiceDeadlocksTheThreadOnItself() {
        // t holds sem and waits for it; other (a reader) cannot get it either. Shortest: t's first step.
        assertViolation("deadlock", 1, body("down_write(sem); down_write(sem);"));
        assertViolation("deadlock", 1, Sem.explore(Sem.compile(DECLS + """
                proc p() { spin_lock(lk); spin_lock(lk); }
                scenario s { thread t = p(); check deadlock; expect holds; }
                """)));
    }
}
