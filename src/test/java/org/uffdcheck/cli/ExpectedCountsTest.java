package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedCountsTest {
    private static final ExpectedCounts.Row ROW =
            new ExpectedCounts.Row("toys/x.uffd", "s", "default", "holds", 756, 1200, 40);

    @Test
    void aRowSurvivesItsLine() {
        assertEquals(ROW, ExpectedCounts.Row.parse(ROW.line(), 1));
    }

    @Test
    void diffShowsEachChangedOrMissingRowAsExpectedThenActual() {
        ExpectedCounts.Row changed = new ExpectedCounts.Row("toys/x.uffd", "s", "default", "holds", 757, 1200, 40);
        ExpectedCounts.Row added = new ExpectedCounts.Row("toys/y.uffd", "s", "symmetry", "violation deadlock", 9, 8, 7);
        String diff = ExpectedCounts.diff(Map.of(ROW.key(), ROW), List.of(changed, added));
        assertEquals("- " + ROW.line() + "\n+ " + changed.line() + "\n"
                + "- toys/y.uffd\ts\tsymmetry\t(no row)\n+ " + added.line() + "\n", diff);
        assertEquals("", ExpectedCounts.diff(Map.of(ROW.key(), ROW), List.of(ROW)));
    }
}
