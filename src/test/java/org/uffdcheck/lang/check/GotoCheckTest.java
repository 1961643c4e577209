package org.uffdcheck.lang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.lang.check.CheckerErrorTest.errors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.Parser;
import org.uffdcheck.lang.Program;
import org.uffdcheck.lang.SourceFile;
import org.uffdcheck.lang.ast.ModelFile;

/** The jumps goto may not make, each reported at the goto with why. */
class GotoCheckTest {
    private static String body(String stmts) {
        return "var y: int;\nproc p() {\n" + stmts + "\n}\nscenario s {\n    thread t = p();\n    expect holds;\n}\n";
    }

    @Test
    void unknownLabel() {
        assertEquals("""
                models/m.uffd:3:6: error: goto: no label 'outt' in p
                 3 | goto outt;
                   |      ^^^^
                1 error
                """, errors(body("goto outt;\nout: y = 1;")));
    }

    @Test
    void labelOfAnotherProcedure() {
        String e = errors("proc q() { out: skip; }\n" + body("goto out;"));
        assertTrue(e.contains("goto: no label 'out' in p"), e);
    }

    @Test
    void duplicateLabel() {
        String e = errors(body("retry: y = 1;\nretry: y = 2;\ngoto retry;"));
        assertTrue(e.contains("4:1: error: duplicate label 'retry' in p"), e);
    }

    @Test
    void intoAnAtomicBlock() {
        String e = errors(body("goto inner;\natomic { y = 1; inner: y = 2; }"));
        assertTrue(e.contains("3:1: error: goto inner jumps into an atomic block"), e);
    }

    @Test
    void outOfAnAtomicBlock() {
        String e = errors(body("atomic { y = 1; goto out; }\nout: y = 2;"));
        assertTrue(e.contains("3:17: error: goto out jumps out of an atomic block"), e);
    }

    @Test
    void withinOneAtomicBlockAndToTheBlockItself() {
        // Jumps inside one block, and to a label on the block, are allowed.
        errorsNone(body("retry: atomic { y = y + 1; if (y < 2) { goto again; } again: y = 0; }\nif (y == 5) { goto retry; }"));
    }

    @Test
    void intoAForBody() {
        String e = errors(body("goto inner;\nfor (i in 0..2) { inner: y = i; }"));
        assertTrue(e.contains("3:1: error: goto inner jumps into the body of a for loop"), e);
    }

    @Test
    void intoAWhileBodyOrAnIfIsAllowed() {
        errorsNone(body("goto inner;\nwhile (y < 3) { y = y + 1; inner: y = y + 1; }\nif (y > 0) { goto other; } else { other: skip; }"));
    }

    @Test
    void pastADeclarationIntoItsScope() {
        String e = errors(body("goto inner;\nvar v: int = 3;\ninner: y = v;"));
        assertTrue(e.contains("3:1: error: goto inner jumps past the declaration of 'v' into its scope"), e);
        String nested = errors(body("goto inner;\n{ var v: int; { inner: y = v; } }"));
        assertTrue(nested.contains("goto inner jumps past the declaration of 'v'"), nested);
    }

    @Test
    void pastAStackObjectIntoItsScope() {
        String e = errors("struct S { a: int; }\n" + body("goto inner;\nstack s: S;\ninner: y = s->a;"));
        assertTrue(e.contains("goto inner jumps past the declaration of 's' into its scope"), e);
    }

    @Test
    void backOverADeclarationOrOutOfItsScopeIsAllowed() {
        errorsNone(body("retry: var v: int = y;\ny = v + 1;\nif (y < 3) { goto retry; }\n{ var w: int = 1; goto out; }\nout: skip;"));
    }

    private static void errorsNone(String model) {
        Diagnostics parse = new Diagnostics();
        ModelFile f = Parser.parse(new SourceFile(Path.of("m.uffd"), "models/m.uffd", model), parse);
        assertFalse(parse.hasErrors(), parse::render);
        Checker.check(new Program(f, List.of(f)));
    }
}
