package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a located error quotes its line. */
class DiagnosticTest {
    private static String[] render(String text, int start, int end) {
        SourceFile f = new SourceFile(Path.of("g.uffd"), "g.uffd", text);
        return new Diagnostic(new Span(f, start, end), "bad").render().split("\n");
    }

    @Test
    void aShortLineIsQuotedWhole() {
        String[] r = render("var x: int = @;", 13, 14);
        assertEquals(" 1 | var x: int = @;", r[1]);
        assertEquals("   |              ^", r[2]);
    }

    @Test
    void aLongLineIsCutAroundTheSpotWithTheCaretStillUnderIt() {
        String line = "x".repeat(50_000) + "@@" + "y".repeat(50_000);
        String[] r = render(line, 50_000, 50_002);
        assertEquals("g.uffd:1:50001: error: bad", r[0]);
        assertTrue(r[1].length() < 200, r[1]);
        assertTrue(r[1].startsWith(" 1 | ...x") && r[1].endsWith("y..."), r[1]);
        int at = r[1].indexOf("@@");
        assertEquals(at, r[2].indexOf('^'));
        assertEquals("^^", r[2].substring(at));
    }

    @Test
    void nearTheEndsOnlyTheCutSideIsMarked() {
        String line = "@" + "x".repeat(1_000);
        String[] start = render(line, 0, 1);
        assertTrue(start[1].startsWith(" 1 | @x") && start[1].endsWith("x..."), start[1]);
        assertEquals("   | ^", start[2]);
        String[] end = render(line, 1_001, 1_001);
        assertTrue(end[1].startsWith(" 1 | ...x") && end[1].endsWith("x"), end[1]);
        assertEquals(end[1].length(), end[2].indexOf('^'));
    }
}
