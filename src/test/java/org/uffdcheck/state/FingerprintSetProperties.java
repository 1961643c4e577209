package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FingerprintSetProperties {

    @Property
    void behavesLikeHashSet(@ForAll @Size(max = 3000) List<@From("values") Long> inserts,
                            @ForAll @Size(max = 300) List<@From("values") Long> probes,
                            @ForAll @IntRange(min = 0, max = 64) int initialCapacity) {
        FingerprintSet set = new FingerprintSet(initialCapacity);
        Set<Long> model = new HashSet<>();
        for (long v : inserts) {
            assertEquals(model.add(v), set.add(v), "add " + v);
            assertEquals(model.size(), set.size());
        }
        for (long v : inserts) assertEquals(true, set.contains(v));
        for (long v : probes) assertEquals(model.contains(v), set.contains(v), "contains " + v);
    }

    @Property(tries = 20)
    void manyGrowthsFromTinyTable(@ForAll @Size(min = 5000, max = 20000) List<@From("values") Long> inserts) {
        FingerprintSet set = new FingerprintSet(1);
        Set<Long> model = new HashSet<>();
        for (long v : inserts) assertEquals(model.add(v), set.add(v));
        assertEquals(model.size(), set.size());
        for (long v : model) assertEquals(true, set.contains(v));
        // Load never passes 3/4, so the table is a power of two comfortably above the size.
        int cap = set.capacity();
        assertEquals(0, cap & (cap - 1));
        assertEquals(true, set.size() <= cap * 3L / 4);
        assertEquals(8L * cap, set.bytes());
    }

    /** Mixes uniform values with the shapes that break naive slot functions. */
    @Provide
    Arbitrary<Long> values() {
        Arbitrary<Long> small = Arbitraries.longs().between(-40, 40);
        Arbitrary<Long> highOnly = Arbitraries.integers().between(0, 4095).map(i -> (long) i << 52);
        Arbitrary<Long> lowOnly = Arbitraries.integers().between(0, 4095).map(i -> 0x5555_0000_0000_0000L | i);
        Arbitrary<Long> shifted = Arbitraries.integers().between(0, 63).map(i -> 1L << i);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(2, small),
                net.jqwik.api.Tuple.of(2, highOnly),
                net.jqwik.api.Tuple.of(2, lowOnly),
                net.jqwik.api.Tuple.of(1, shifted),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0L, Long.MIN_VALUE, Long.MAX_VALUE, -1L,
                        Fingerprint.ZERO_STANDIN)));
    }
}
