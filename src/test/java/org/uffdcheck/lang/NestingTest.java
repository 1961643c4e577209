package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The parser refuses trees deeper than {@link Nesting#LIMIT}, with one error located where the text
 * got too deep, and accepts everything up to it. Each case is far past the limit, so that a parser
 * that recursed on it would run out of stack instead of reporting it.
 */
class NestingTest {
    private static final int LIMIT = Nesting.LIMIT;

    /** The one error reported for text, which must be exactly one. */
    private static String onlyError(String text) {
        Diagnostics diags = new Diagnostics();
        Models.parse(text, diags);
        assertEquals(1, diags.all().size(), diags::render);
        return diags.all().get(0).span().where() + ": " + diags.all().get(0).message();
    }

    @Test
    void parenthesesPastTheLimitPointAtTheFirstOneTooMany() {
        int n = 50_000;
        String text = "const X = " + "(".repeat(n) + "1" + ")".repeat(n) + ";";
        // The whole operand is a level and each '(' opens one more: the LIMIT + 1-th '(' is one too many.
        int col = "const X = ".length() + LIMIT + 1;
        assertEquals("models/uffd.uffd:1:" + col + ": expression nested deeper than " + LIMIT + " levels",
                onlyError(text));
    }

    @Test
    void aFlatChainCountsOneLevelPerOperator() {
        String text = "const X = " + "1 + ".repeat(20_000) + "1;";
        // The LIMIT-th '+' would make the left-deep tree LIMIT + 1 nodes high.
        int col = "const X = ".length() + 4 * (LIMIT - 1) + 3;
        String e = onlyError(text);
        assertEquals("models/uffd.uffd:1:" + col + ": expression nested deeper than " + LIMIT
                + " levels (each operator of a chain like a + b + c is a level)", e);
    }

    @Test
    void chainsJustBelowTheLimitAndBalancedLongOnesParse() {
        Models.parseOk("const X = " + "1 + ".repeat(LIMIT - 1) + "1;");
        Models.parseOk("const X = " + "(".repeat(LIMIT - 2) + "1" + ")".repeat(LIMIT - 2) + ";");
        Models.parseOk("const X = " + "-".repeat(LIMIT - 1) + "1;");
        // 4,096 terms as a balanced tree of parenthesised pairs is only 25 levels high.
        String t = "1";
        for (int i = 0; i < 12; i++) t = "(" + t + " + " + t + ")";
        Models.parseOk("const X = " + t + ";");
    }

    @Test
    void unaryOperatorsQuantifiersIndexesAndFieldsCount() {
        assertTrue(onlyError("const X = " + "!".repeat(10_000) + "true;").endsWith("expression nested deeper than 256 levels"));
        assertTrue(onlyError("invariant i: " + "forall k in 0..1: ".repeat(5_000) + "true;").contains("nested deeper"));
        assertTrue(onlyError("invariant i: " + "a[".repeat(5_000) + "0" + "]".repeat(5_000) + ";").contains("nested deeper"));
        assertTrue(onlyError("invariant i: p" + ".next".repeat(5_000) + " == p;").contains("nested deeper"));
        assertTrue(onlyError("invariant i: " + "f(".repeat(5_000) + ")".repeat(5_000) + ";").contains("nested deeper"));
    }

    @Test
    void nestedBlocksPointAtTheStatementOneTooDeep() {
        String text = "proc p() {\n" + "{\n".repeat(5_000) + "skip;\n" + "}\n".repeat(5_000) + "}\n";
        // The body is not a statement; its LIMIT + 1-th nested block is, on line LIMIT + 2.
        assertEquals("models/uffd.uffd:" + (LIMIT + 2) + ":1: statement nested deeper than " + LIMIT + " levels",
                onlyError(text));
    }

    @Test
    void ifsAndElseIfChainsCount() {
        String ifs = "proc p() { " + "if (true) { ".repeat(5_000) + "skip;" + " }".repeat(5_000) + " }";
        assertTrue(onlyError(ifs).endsWith("statement nested deeper than 256 levels"));
        String elseIfs = "proc p() { if (true) { skip; }" + " else if (true) { skip; }".repeat(5_000) + " }";
        assertTrue(onlyError(elseIfs).endsWith("statement nested deeper than 256 levels"));
        Models.parseOk("proc p() { " + "if (true) { ".repeat(LIMIT - 1) + "skip;" + " }".repeat(LIMIT - 1) + " }");
    }

    @Test
    void theErrorIsReportedOnceAndParsingGoesOn() {
        String text = "proc p() {\n x = " + "(".repeat(1_000) + "1" + ")".repeat(1_000) + ";\n y = ;\n}\n";
        Diagnostics diags = new Diagnostics();
        Models.parse(text, diags);
        assertEquals(2, diags.all().size(), diags::render);
        assertTrue(diags.all().get(1).message().startsWith("expected an expression"), diags::render);
    }

    @Test
    void typesCount() {
        assertEquals("models/uffd.uffd:1:8: type nested deeper than 256 levels",
                onlyError("var x: int" + "*".repeat(5_000) + ";"));
        assertTrue(onlyError("var x: int" + "[1]".repeat(5_000) + ";").endsWith("type nested deeper than 256 levels"));
        assertTrue(onlyError("var x: " + "list<".repeat(5_000) + "int" + ", 1>".repeat(5_000) + ";")
                .endsWith("type nested deeper than 256 levels"));
        Models.parseOk("var x: int" + "*".repeat(LIMIT - 1) + ";");
    }

    /**
     * Ways to put an expression one level deeper: each adds one or two levels. (Struct literals are
     * left out: after any error inside one, recovery at the top level also reports its '}'.)
     */
    private static final List<String[]> WRAPPERS = List.of(
            new String[] {"(", ")"}, new String[] {"!", ""}, new String[] {"-", ""}, new String[] {"a[", "]"},
            new String[] {"f(", ")"}, new String[] {"(x + ", ")"}, new String[] {"(forall k in 0..1: ", ")"},
            new String[] {"(", " * 2 - 1)"}, new String[] {"(1 + 2 + ", ")"});

    @Property(tries = 100)
    void anyNestingEndsInTheTreeOrOneLocatedError(@ForAll("wrappers") List<Integer> kinds) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int k : kinds) {
            open.append(WRAPPERS.get(k)[0]);
            close.insert(0, WRAPPERS.get(k)[1]);
        }
        String text = "invariant i: " + open + "y" + close + ";";
        Diagnostics diags = new Diagnostics();
        Models.parse(text, diags);
        if (kinds.size() >= LIMIT) assertEquals(1, diags.count(), diags::render);
        if (kinds.size() < LIMIT / 2 - 1) assertEquals(0, diags.count(), diags::render);
        assertTrue(diags.count() <= 1, diags::render);
        if (diags.hasErrors()) {
            Diagnostic d = diags.all().get(0);
            assertTrue(d.message().startsWith("expression nested deeper than 256 levels"), diags::render);
            assertEquals(1, d.span().line());
        }
    }

    @Provide
    Arbitrary<List<Integer>> wrappers() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, WRAPPERS.size() - 1);
        return Arbitraries.oneOf(kind.list().ofMaxSize(140), kind.list().ofMinSize(100).ofMaxSize(3_000));
    }
}
