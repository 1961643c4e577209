package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParentLinksTest {

    @Test
    void keepsParentsAndOrdinalsAcrossChunks() {
        ParentLinks links = new ParentLinks();
        int n = (1 << 22) + 5000;
        links.add(-1, 0);
        for (int id = 1; id < n; id++) links.add(id / 3, ordinal(id));
        assertEquals(n, links.size());
        assertEquals(-1, links.parent(0));
        for (int id = 1; id < n; id += 997) {
            assertEquals(id / 3, links.parent(id));
            assertEquals(ordinal(id), links.ordinal(id));
        }
        assertEquals(ordinal(n - 1), links.ordinal(n - 1));
        assertTrue(links.bytes() >= 5L * n && links.bytes() < 5L * n + 5L * (1 << 22) + 1);
        assertThrows(IndexOutOfBoundsException.class, () -> links.parent(n));
        links.free();
    }

    @Test
    void parentIdsUseAllThirtyTwoBits() {
        ParentLinks links = new ParentLinks();
        links.add(0xFFFF_FFFEL, 3);
        assertEquals(0xFFFF_FFFEL, links.parent(0));
    }

    private static int ordinal(int id) {
        return id % 1000 == 0 ? 100_000 + id : id % 250;
    }
}
