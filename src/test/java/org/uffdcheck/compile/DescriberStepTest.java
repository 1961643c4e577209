package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.Fault;

/** A step keeps its place and fault as values; the text forms the renderers print come from them. */
class DescriberStepTest {
    @Test
    void placeAndFaultReadAsBefore() {
        var st = new Describer.Step(0, "t", "p", "dir/m.uffd", 7, "kfree(x);", List.of(), Fault.DOUBLE_FREE);
        assertEquals("dir/m.uffd:7", st.location());
        assertEquals("memory_safe: double free", st.faultText());
    }

    @Test
    void aStepWithNoPlaceShowsNone() {
        var st = new Describer.Step(0, "t", "p", null, 0, "skip;", List.of(), null);
        assertEquals("", st.location());
        assertNull(st.faultText());
    }
}
