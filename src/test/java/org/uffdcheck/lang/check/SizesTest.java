package org.uffdcheck.lang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Sizes that would not fit a state are rejected where they are written, with the exact number of
 * slots they need, however far past 32 bits that is; nothing is left to wrap around later.
 */
class SizesTest {
    /** A procedure p and a scenario running it, to complete a model. */
    static final String SCENARIO = """
            proc p() { skip; }
            scenario s {
                thread t = p();
                expect holds;
            }
            """;

    @Test
    void anArrayPast32BitsIsReportedWithItsWholeSize() {
        assertEquals("""
                models/m.uffd:1:8: error: this type needs 4294967296 state slots; a state may have at most 65536
                 1 | var a: int[4096][4096][256];
                   |        ^^^^^^^^^^^^^^^^^^^^
                1 error
                """, CheckerErrorTest.errors("var a: int[4096][4096][256];\n" + SCENARIO));
    }

    @Test
    void manyDimensionsStayExact() {
        // 4096^6 * 4 is past 2^63: the count must not wrap even as a long.
        String err = CheckerErrorTest.errors("var a: int[4096][4096][4096][4096][4096][4096][4];\n" + SCENARIO);
        assertTrue(err.contains("needs 18889465931478580854784 state slots"), err);
    }

    @Test
    void usesOfARejectedGlobalAreNotReportedAgain() {
        String err = CheckerErrorTest.errors("""
                var a: int[4096][4096][128];
                proc q() { a[0][0][0] = 7; }
                invariant never7: a[0][0][0] != 7;
                """ + SCENARIO);
        assertTrue(err.endsWith("1 error\n"), err);
        assertTrue(err.contains("this type needs 2147483648 state slots"), err);
    }

    @Test
    void aListCountsItsLengthSlot() {
        assertEquals("""
                models/m.uffd:2:8: error: this type needs 65537 state slots; a state may have at most 65536
                 2 | var q: list<cell, 4096>;
                   |        ^^^^^^^^^^^^^^^^
                1 error
                """, CheckerErrorTest.errors("struct cell { v: int[16]; }\nvar q: list<cell, 4096>;\n" + SCENARIO));
    }

    @Test
    void aStructIsReportedAtTheFieldThatMakesItTooBig() {
        assertEquals("""
                models/m.uffd:3:5: error: with field c, struct mm needs 65537 state slots; a state may have at most 65536
                 3 |     c: int;
                   |     ^
                1 error
                """, CheckerErrorTest.errors("""
                struct mm {
                    pages: int[4096][16];
                    c: int;
                }
                var m: mm;
                """ + SCENARIO));
    }

    @Test
    void aPoolCountsAStatusSlotPerObject() {
        assertEquals("""
                models/m.uffd:2:1: error: pool ctx[4096] (1 + 16 slots per object) needs 69632 state slots; a state may have at most 65536
                 2 | pool ctx[4096];
                   | ^^^^^^^^^^^^^^^
                1 error
                """, CheckerErrorTest.errors("struct ctx { w: int[16]; }\npool ctx[4096];\n" + SCENARIO));
    }

    @Test
    void globalsAreAddedUpAndReportedWhereTheyPassTheLimit() {
        assertEquals("""
                models/m.uffd:2:5: error: with b, the globals need 65537 state slots; a state may have at most 65536
                 2 | var b: int[4096][8];
                   |     ^
                1 error
                """, CheckerErrorTest.errors("var a: int[4096][8];\nvar b: int[4096][8];\nvar c: int;\n" + SCENARIO));
    }

    @Test
    void globalsAndPoolsTogether() {
        String err = CheckerErrorTest.errors("struct ctx { w: int[8]; }\npool ctx[4096];\nvar a: int[4096][8];\n" + SCENARIO);
        assertTrue(err.contains("2:1: error: with pool ctx, the globals and pools need 69633 state slots"), err);
    }

    @Test
    void aProcedureWhoseFrameCannotFit() {
        assertEquals("""
                models/m.uffd:1:6: error: the parameters and locals of big need 65537 state slots; a state may have at most 65536
                 1 | proc big(x: int) {
                   |      ^^^
                1 error
                """, CheckerErrorTest.errors("""
                proc big(x: int) {
                    var a: int[4096][8];
                    var b: int[4096][8];
                    skip;
                }
                """ + SCENARIO));
    }

    @Test
    void quantifierVariablesAreCounted() {
        assertEquals("""
                models/m.uffd:2:54: error: with z, the variables of forall and exists need 98304 state slots; a state may have at most 65536
                 2 | invariant same: forall x in a: forall y in a: forall z in a: x == y && y == z;
                   |                                                      ^
                1 error
                """, CheckerErrorTest.errors("""
                var a: int[1][4096][8];
                invariant same: forall x in a: forall y in a: forall z in a: x == y && y == z;
                """ + SCENARIO));
    }

    @Test
    void typesAreShownAsWritten() {
        String err = CheckerErrorTest.errors("var a: int[2][3];\nvar b: bool;\nproc p() { b = a; }\nscenario s {\n    thread t = p();\n    expect holds;\n}\n");
        assertTrue(err.contains("expected bool, found int[2][3]"), err);
    }
}
