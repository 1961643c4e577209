package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** down_read_trylock, down_write_trylock and downgrade_write. */
class TrylockSemanticsTest {
    private static final String DECLS = """
            var sem: rwsem;
            var lk: spinlock;
            var got: bool;
            var got2: bool;
            var inside: int[0..2];
            """;

    private static CompiledScenario one(String body) {
        return Sem.compile(DECLS + "proc p() {\n" + body + "\n}\nscenario s { thread t = p(); check deadlock; expect holds; }\n");
    }

    @Test
    void trylocksTakeAFreeSemAndSayTrue() {
        Set<List<String>> end = Sem.finalStates(one("got = down_read_trylock(sem);"));
        assertEquals(1, end.size());
        assertTrue(end.iterator().next().contains("got = true"), end.toString());
        assertTrue(end.iterator().next().contains("sem = read-locked by t"), end.toString());
        end = Sem.finalStates(one("got = down_write_trylock(sem);"));
        assertTrue(end.iterator().next().contains("sem = write-locked by t"), end.toString());
    }

    @Test
    void trylocksNeverBlock() {
        // A held sem makes the trylock fail at once, where down_write would deadlock on itself.
        Set<List<String>> end = Sem.finalStates(one("down_read(sem); got = down_write_trylock(sem);"));
        List<String> last = end.iterator().next();
        assertTrue(last.contains("got = false"), last.toString());
        assertTrue(last.contains("sem = read-locked by t"), last.toString());
        end = Sem.finalStates(one("down_write(sem); got = down_read_trylock(sem); got2 = down_write_trylock(sem);"));
        last = end.iterator().next();
        assertTrue(last.contains("got = false") && last.contains("got2 = false"), last.toString());
        // Under a spinlock a trylock is allowed: it does not sleep.
        assertHolds(4, Sem.explore(one("spin_lock(lk); got = down_write_trylock(sem); spin_unlock(lk);")));
    }

    @Test
    void readTrylockBesideAReaderSucceedsAndBesideAWriterFails() {
        String m = DECLS + """
                proc writer() { down_write(sem); inside = 1; inside = 0; up_write(sem); }
                proc reader() { got = down_read_trylock(sem); if (got) { assert inside == 0; up_read(sem); } }
                scenario s { thread w = writer(); thread r = reader(); check deadlock; expect holds; }
                """;
        CompiledScenario cs = Sem.compile(m);
        Set<List<String>> end = Sem.finalStates(cs);
        // Both outcomes happen: taken before or after the writer, refused while it holds sem.
        assertTrue(end.stream().anyMatch(l -> l.contains("got = true")), end.toString());
        assertTrue(end.stream().anyMatch(l -> l.contains("got = false")), end.toString());
        assertEquals(org.uffdcheck.engine.ExploreResult.Status.HOLDS, Sem.explore(cs).status());
    }

    @Test
    void readTrylockOfASemThisThreadReadsIsARecursiveLock() {
        assertViolation("recursive_lock", 2, Sem.explore(one("down_read(sem); got = down_read_trylock(sem);")));
    }

    @Test
    void downgradeTurnsTheWriterIntoTheOnlyReaderInOneStep() {
        Set<List<String>> end = Sem.finalStates(one("down_write(sem); downgrade_write(sem);"));
        assertTrue(end.iterator().next().contains("sem = read-locked by t"), end.toString());
        // A reader waiting on the writer gets in beside it after the downgrade.
        String m = DECLS + """
                proc w() { down_write(sem); downgrade_write(sem); inside = 1; up_read(sem); }
                proc r() { down_read(sem); got = inside == 1; up_read(sem); }
                scenario s { thread a = w(); thread b = r(); check deadlock; expect holds; }
                """;
        Set<List<String>> ends = Sem.finalStates(Sem.compile(m));
        assertTrue(ends.stream().anyMatch(l -> l.contains("got = true")), ends.toString());
    }

    @Test
    void downgradeWithoutHoldingForWritingIsAFault() {
        assertViolation("unlock_not_held", 1, Sem.explore(one("downgrade_write(sem);")));
        assertViolation("unlock_not_held", 2, Sem.explore(one("down_read(sem); downgrade_write(sem);")));
    }

    @Test
    void locksFromATrylockOrADowngradeAreForbiddenAcrossAUserWait() {
        String m = """
                var mmap_sem: rwsem;
                var ok: bool;
                forbid_user_wait mmap_sem;
                proc p() {
                    BODY
                user_wait:
                    skip;
                    up_read(mmap_sem);
                }
                scenario s { thread t = p(); expect holds; }
                """;
        assertViolation("no_wait_under_mmap_sem", 2,
                Sem.explore(Sem.compile(m.replace("BODY", "ok = down_read_trylock(mmap_sem);"))));
        assertViolation("no_wait_under_mmap_sem", 3,
                Sem.explore(Sem.compile(m.replace("BODY", "down_write(mmap_sem); downgrade_write(mmap_sem);"))));
    }

    @Test
    void trylockOnASpinlockIsRejected() {
        String err = Sem.rejected(DECLS + "proc p() { got = down_read_trylock(lk); }\nscenario s { thread t = p(); expect holds; }\n");
        assertTrue(err.contains("down_read_trylock: expected rwsem, found spinlock"), err);
    }
}
