package org.uffdcheck.lang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.lang.ModelLoader;

/**
 * Constants: each mistake in one has its own located message (not "must be a constant"), and a
 * constant may use constants declared after it or in another file, as names may in general.
 */
class ConstantsTest {
    private static final String SCENARIO = SizesTest.SCENARIO;

    @TempDir
    Path dir;

    private CheckedModel load(String main, String... files) throws IOException {
        for (int i = 0; i + 1 < files.length; i += 2) Files.writeString(dir.resolve(files[i]), files[i + 1]);
        Path m = dir.resolve("main.uffd");
        Files.writeString(m, main);
        return Checker.check(ModelLoader.load(m, "main.uffd"));
    }

    @Test
    void overflowIsReportedAtTheOperation() {
        assertEquals("""
                models/m.uffd:1:21: error: array size: 65536 * 65536 = 4294967296 does not fit in 32 bits
                 1 | var a: int[1 + 2 * (65536 * 65536)];
                   |                     ^^^^^^^^^^^^^
                1 error
                """, CheckerErrorTest.errors("var a: int[1 + 2 * (65536 * 65536)];\n" + SCENARIO));
    }

    @Test
    void divisionByZero() {
        assertEquals("""
                models/m.uffd:2:17: error: value of PER_CTX: division by zero in 8 / 0
                 2 | const PER_CTX = 8 / NR_CTX;
                   |                 ^^^^^^^^^^
                1 error
                """, CheckerErrorTest.errors("const NR_CTX = 0;\nconst PER_CTX = 8 / NR_CTX;\n" + SCENARIO));
    }

    @Test
    void remainderByZeroAndTheOneDivisionThatOverflows() {
        String err = CheckerErrorTest.errors("""
                const A = 7 % (1 - 1);
                const B = -2147483648 / -1;
                """ + SCENARIO);
        assertTrue(err.contains("1:11: error: value of A: division by zero in 7 % 0"), err);
        assertTrue(err.contains("2:11: error: value of B: -2147483648 / -1 = 2147483648 does not fit in 32 bits"), err);
    }

    @Test
    void aLiteralPast32Bits() {
        assertEquals("""
                models/m.uffd:1:12: error: array size: integer 4294967297 does not fit in 32 bits
                 1 | var a: int[4294967297];
                   |            ^^^^^^^^^^
                1 error
                """, CheckerErrorTest.errors("var a: int[4294967297];\n" + SCENARIO));
    }

    @Test
    void aNegativeLiteralPast32BitsIsShownAsWritten() {
        String err = CheckerErrorTest.errors("var c: int[-2147483649..0];\n" + SCENARIO);
        assertTrue(err.contains("1:12: error: lower bound: integer -2147483649 does not fit in 32 bits"), err);
    }

    @Test
    void aSizeTooLargeSaysSo() {
        String err = CheckerErrorTest.errors("const N = 65536 * 2;\nvar a: int[N];\n" + SCENARIO);
        assertTrue(err.contains("2:12: error: array size must be between 1 and 4096, found 131072"), err);
    }

    @Test
    void theWholeIntRangeIsARange() {
        CheckedModel m = checked("var y: int[-2147483648..2147483647] = -2147483648;\n" + SCENARIO);
        Type.Int t = (Type.Int) m.globals.get(0).type();
        assertEquals(Integer.MIN_VALUE, t.lo());
        assertEquals(Integer.MAX_VALUE, t.hi());
    }

    @Test
    void aConstantMayUseOnesDeclaredAfterIt() {
        CheckedModel m = checked("""
                const NCTX = K * M + F;
                var ctxs: int[NCTX];
                const K = 2;
                const M = P + 1;
                const P = 2;
                const F = 1;
                """ + SCENARIO);
        assertEquals(7, ((Type.ArrayOf) m.globals.get(0).type()).size());
    }

    @Test
    void aLibraryConstantMayUseTheIncludingModelsConstants() throws IOException {
        CheckedModel m = load("""
                include "lib.uffd";
                const K = 3;
                const M = 2;
                const F = 1;
                """ + SCENARIO, "lib.uffd", """
                const NCTX = K * M + F;
                var ctxs: int[NCTX];
                """);
        assertEquals(7, ((Type.ArrayOf) m.globals.get(0).type()).size());
    }

    @Test
    void aCycleIsNamedOnce() {
        assertEquals("""
                models/m.uffd:1:7: error: constant A depends on itself: A -> B -> C -> A
                 1 | const A = B + 1;
                   |       ^
                1 error
                """, CheckerErrorTest.errors("""
                const A = B + 1;
                const B = C * 2;
                const C = A - 1;
                const D = C + 1;
                var a: int[D];
                """ + SCENARIO));
    }

    @Test
    void aConstantDefinedByItself() {
        String err = CheckerErrorTest.errors("const N = N + 1;\n" + SCENARIO);
        assertTrue(err.contains("1:7: error: constant N depends on itself: N -> N"), err);
        assertTrue(err.endsWith("1 error\n"), err);
    }

    @Test
    void aLongChainOfConstantsDoesNotRecurse() {
        StringBuilder sb = new StringBuilder("const C0 = 1;\n");
        int n = 30_000; // about 700 KB: under the 1 MiB limit on a source file, far past what recursion would survive
        // Declared last first, so each is needed before its own line.
        for (int i = n; i >= 1; i--) sb.append("const C").append(i).append(" = C").append(i - 1).append(" + 0;\n");
        sb.append("var a: int[C").append(n).append(" + 1];\n");
        CheckedModel m = checked(sb + SCENARIO);
        assertEquals(2, ((Type.ArrayOf) m.globals.get(0).type()).size());
    }

    @Test
    void aVariableIsNotAConstant() {
        String err = CheckerErrorTest.errors("var v: int;\nconst N = v + 1;\n" + SCENARIO);
        assertTrue(err.contains("2:11: error: value of N must be a constant; 'v' is a variable"), err);
    }

    private CheckedModel checked(String text) {
        try {
            return load(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
