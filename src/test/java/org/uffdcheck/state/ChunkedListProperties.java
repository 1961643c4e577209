package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ChunkedListProperties {

    @Property(tries = 50)
    void intListMatchesArrayList(@ForAll @Size(max = 5000) List<Integer> values,
                                 @ForAll @Size(max = 50) List<Integer> writes) {
        IntList list = new IntList();
        List<Integer> model = new ArrayList<>();
        for (int v : values) {
            list.add(v);
            model.add(v);
        }
        for (int w : writes) {
            if (model.isEmpty()) break;
            int i = Math.floorMod(w, model.size());
            list.set(i, w);
            model.set(i, w);
        }
        assertEquals(model.size(), list.size());
        for (int i = 0; i < model.size(); i++) assertEquals((int) model.get(i), list.get(i));
    }

    @Property(tries = 50)
    void longListMatchesArrayList(@ForAll @Size(max = 5000) List<Long> values) {
        LongList list = new LongList();
        for (long v : values) list.add(v);
        assertEquals(values.size(), list.size());
        for (int i = 0; i < values.size(); i++) assertEquals((long) values.get(i), list.get(i));
    }

    @Test
    void crossesChunkBoundaries() {
        IntList list = new IntList();
        int n = 3 * IntList.CHUNK + 17;
        for (int i = 0; i < n; i++) list.add(i * 7);
        assertEquals(n, list.size());
        for (int i = 0; i < n; i += 997) assertEquals(i * 7, list.get(i));
        assertEquals((n - 1) * 7, list.get(n - 1));
        assertTrue(list.bytes() >= 4L * n);
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(n));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    }
}
