package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ParameterGenerator;
import org.jetbrains.lincheck.datastructures.RandomProvider;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Concurrent add and contains on the fingerprint table, as the parallel BFS's workers call them,
 * are linearizable against a set: Lincheck runs small concurrent scenarios, under its model checker
 * (which chooses the interleavings) and under stress (real threads), and looks for a sequential
 * order of the operations that gives the results seen. The keys share one home slot, so every add
 * races along one probe chain; zero takes the table's separate path. size() is left out: it counts
 * an add after its slot is claimed, so it is exact only when no add is in flight, which is how the
 * search reads it (between levels and for growth, where late by one does no harm).
 */
@Param(name = "fp", gen = FingerprintTableLincheckTest.Keys.class)
public class FingerprintTableLincheckTest {
    private static final Cleaner CLEANER = Cleaner.create();
    /** Table capacity: the smallest, so that the colliding keys are found quickly. */
    private static final int CAPACITY = 16;
    private static final long[] KEYS = keys();

    final FingerprintTable table = new FingerprintTable(CAPACITY);

    public FingerprintTableLincheckTest() {
        // Lincheck makes a fresh instance per run and has no hook to end one: the off-heap table
        // is released when the instance is collected.
        FingerprintTable t = table;
        CLEANER.register(this, t::free);
    }

    @Operation
    public boolean add(@Param(name = "fp") long fp) {
        return table.add(fp);
    }

    @Operation
    public boolean contains(@Param(name = "fp") long fp) {
        return table.contains(fp);
    }

    @Test
    void linearizableUnderTheModelChecker() {
        modelChecking()
                .iterations(20).invocationsPerIteration(300)
                .threads(3).actorsPerThread(3).actorsBefore(1).actorsAfter(1)
                .check(FingerprintTableLincheckTest.class);
    }

    /**
     * The model checker cannot follow Unsafe accesses to raw addresses; each OffHeapLongs method
     * is one volatile read, one compare-and-set or one plain access, so it is taken as one atomic
     * step, with a switch point before it.
     */
    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .sequentialSpecification(SetSpec.class)
                .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(OffHeapLongs.class.getName()).allMethods().treatAsAtomic());
    }

    @Test
    void linearizableUnderStress() {
        new StressOptions()
                .sequentialSpecification(SetSpec.class)
                .iterations(20).invocationsPerIteration(500)
                .threads(2).actorsPerThread(3).actorsBefore(1).actorsAfter(1)
                .check(FingerprintTableLincheckTest.class);
    }

    /** The check can fail: an add that tests and then inserts in two steps is caught. */
    @Test
    void modelCheckerCatchesACheckThenAddRace() {
        AssertionError e = assertThrows(AssertionError.class, () -> modelChecking()
                .iterations(30).invocationsPerIteration(500)
                .threads(2).actorsPerThread(2).actorsBefore(0).actorsAfter(0)
                .check(CheckThenAdd.class));
        // A failure of the check itself, not a crash of the checker.
        assertTrue(e.getMessage().contains("Invalid execution results"), e.getMessage());
    }

    @Test
    void keysShareOneHomeSlot() {
        FingerprintTable t = new FingerprintTable(CAPACITY);
        try {
            t.add(KEYS[1]);
            for (int i = 2; i < KEYS.length; i++) assertEquals(KEYS[1], t.touch(KEYS[i]), "key " + KEYS[i]);
        } finally {
            t.free();
        }
    }

    /** Zero and three non-zero fingerprints whose home slot is the same. */
    private static long[] keys() {
        FingerprintTable t = new FingerprintTable(CAPACITY);
        try {
            long first = 1;
            t.add(first);
            List<Long> keys = new ArrayList<>(List.of(0L, first));
            // touch(c) reads c's home slot, which holds the first key exactly when they share it.
            for (long c = 2; keys.size() < 4; c++) if (t.touch(c) == first) keys.add(c);
            return keys.stream().mapToLong(Long::longValue).toArray();
        } finally {
            t.free();
        }
    }

    /** The sequential specification: a set of longs. */
    public static final class SetSpec {
        private final Set<Long> set = new HashSet<>();

        public boolean add(long fp) {
            return set.add(fp);
        }

        public boolean contains(long fp) {
            return set.contains(fp);
        }
    }

    /** A deliberately racy add, to show that the checks see interleavings inside the table. */
    @Param(name = "fp", gen = FingerprintTableLincheckTest.Keys.class)
    public static final class CheckThenAdd extends FingerprintTableLincheckTest {
        @Override
        @Operation
        public boolean add(@Param(name = "fp") long fp) {
            if (table.contains(fp)) return false;
            table.add(fp);
            return true;
        }
    }

    /** Draws the fingerprints of the operations from {@link #KEYS}. */
    public static final class Keys implements ParameterGenerator<Long> {
        private final Random random;

        public Keys(RandomProvider randomProvider, String configuration) {
            random = randomProvider.createRandom();
        }

        @Override
        public Long generate() {
            return KEYS[random.nextInt(KEYS.length)];
        }

        @Override
        public void reset() {
            // Draws are independent: nothing to reset.
        }
    }
}
