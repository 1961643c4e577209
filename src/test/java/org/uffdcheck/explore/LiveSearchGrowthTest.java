package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** StateIndex and the liveness graph's arrays start small and grow with the graph. */
class LiveSearchGrowthTest {

    @Test
    void theIndexNumbersManyMoreStatesThanItWasSizedFor() {
        StateIndex index = new StateIndex(16);
        for (long fp = 1; fp <= 100_000; fp++) assertEquals(fp - 1, index.add(fp * 0x9E3779B97F4A7C15L));
        for (long fp = 1; fp <= 100_000; fp++) assertEquals(fp - 1, index.get(fp * 0x9E3779B97F4A7C15L));
        assertEquals(100_000, index.size());
    }
}
