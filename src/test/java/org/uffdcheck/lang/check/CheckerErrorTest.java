package org.uffdcheck.lang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.Parser;
import org.uffdcheck.lang.Program;
import org.uffdcheck.lang.SourceFile;
import org.uffdcheck.lang.ast.ModelFile;

/**
 * Semantic mistakes as the user sees them: file:line:col, the message, the source line and the
 * offending text underlined. Each model is otherwise correct, so exactly one error is expected.
 */
class CheckerErrorTest {

    /** The rendered diagnostics of a model that parses but must not type-check. */
    static String errors(String text) {
        Diagnostics parse = new Diagnostics();
        ModelFile f = Parser.parse(new SourceFile(Path.of("m.uffd"), "models/m.uffd", text), parse);
        assertFalse(parse.hasErrors(), () -> "the model should parse:\n" + parse.render());
        ModelError e = assertThrows(ModelError.class, () -> Checker.check(new Program(f, List.of(f))));
        return e.diagnostics().render();
    }

    private static final String SCENARIO = """
            scenario s {
                thread t = p();
                expect holds;
            }
            """;

    @Test
    void unknownName() {
        assertEquals("""
                models/m.uffd:3:9: error: unknown name 'flg'
                 3 |     if (flg) {
                   |         ^^^
                1 error
                """, errors("""
                var flag: bool;
                proc p() {
                    if (flg) {
                        skip;
                    }
                }
                """ + SCENARIO));
    }

    @Test
    void unknownType() {
        assertEquals("""
                models/m.uffd:1:10: error: unknown type 'userfaultfd_ctx'
                 1 | var ctx: userfaultfd_ctx;
                   |          ^^^^^^^^^^^^^^^
                1 error
                """, errors("var ctx: userfaultfd_ctx;\nproc p() { skip; }\n" + SCENARIO));
    }

    @Test
    void wrongTypeInAssignment() {
        assertEquals("""
                models/m.uffd:3:16: error: assignment: expected bool, found int
                 3 |     released = 1;
                   |                ^
                1 error
                """, errors("var released: bool;\nproc p() {\n    released = 1;\n}\n" + SCENARIO));
    }

    @Test
    void conditionMustBeBool() {
        assertEquals("""
                models/m.uffd:3:12: error: condition of while: expected bool, found int
                 3 |     while (pending) {
                   |            ^^^^^^^
                1 error
                """, errors("var pending: int;\nproc p() {\n    while (pending) {\n        pending = pending - 1;\n    }\n}\n"
                + SCENARIO));
    }

    @Test
    void wrongArgumentCount() {
        assertEquals("""
                models/m.uffd:3:5: error: dup_userfaultfd takes 1 argument, found 2
                 3 |     dup_userfaultfd(1, 2);
                   |     ^^^^^^^^^^^^^^^^^^^^^
                1 error
                """, errors("proc dup_userfaultfd(ctx: int) { skip; }\nproc p() {\n    dup_userfaultfd(1, 2);\n}\n" + SCENARIO));
    }

    @Test
    void duplicateGlobalNamesTheFirstDeclaration() {
        assertEquals("""
                models/m.uffd:2:5: error: 'mmap_sem' is already declared at models/m.uffd:1:5
                 2 | var mmap_sem: spinlock;
                   |     ^^^^^^^^
                1 error
                """, errors("var mmap_sem: rwsem;\nvar mmap_sem: spinlock;\nproc p() { skip; }\n" + SCENARIO));
    }

    @Test
    void duplicateLocal() {
        assertEquals("""
                models/m.uffd:3:9: error: 'n' is already declared in p
                 3 |     var n: bool;
                   |         ^
                1 error
                """, errors("proc p() {\n    var n: int;\n    var n: bool;\n}\n" + SCENARIO));
    }

    @Test
    void duplicateField() {
        assertEquals("""
                models/m.uffd:3:5: error: duplicate field 'vm_start' in struct vm_area_struct
                 3 |     vm_start: int;
                   |     ^^^^^^^^
                1 error
                """, errors("struct vm_area_struct {\n    vm_start: int;\n    vm_start: int;\n}\nproc p() { skip; }\n" + SCENARIO));
    }

    @Test
    void duplicateLabelInOneProcedure() {
        assertEquals("""
                models/m.uffd:3:5: error: duplicate label 'retry' in p
                 3 |     retry: skip;
                   |     ^^^^^
                1 error
                """, errors("proc p() {\n    retry: skip;\n    retry: skip;\n}\n" + SCENARIO));
    }

    @Test
    void duplicateScenario() {
        assertEquals("""
                models/m.uffd:6:10: error: duplicate scenario 's'
                 6 | scenario s {
                   |          ^
                1 error
                """, errors("proc p() { skip; }\n" + SCENARIO + SCENARIO));
    }

    @Test
    void duplicateThread() {
        assertEquals("""
                models/m.uffd:4:12: error: duplicate thread 'monitor'
                 4 |     thread monitor = p();
                   |            ^^^^^^^
                1 error
                """, errors("proc p() { skip; }\nscenario s {\n    thread monitor = p();\n    thread monitor = p();\n"
                + "    expect holds;\n}\n"));
    }

    @Test
    void constantOutOfRange() {
        assertEquals("""
                models/m.uffd:3:14: error: value 3 is out of range for int[0..2]
                 3 |     copied = 3;
                   |              ^
                1 error
                """, errors("var copied: int[0..2];\nproc p() {\n    copied = 3;\n}\n" + SCENARIO));
    }

    @Test
    void assignmentToConstant() {
        assertEquals("""
                models/m.uffd:3:5: error: 'PAGES' is a constant
                 3 |     PAGES = 3;
                   |     ^^^^^
                1 error
                """, errors("const PAGES = 2;\nproc p() {\n    PAGES = 3;\n}\n" + SCENARIO));
    }

    @Test
    void unknownField() {
        assertEquals("""
                models/m.uffd:4:9: error: struct vm_area_struct has no field 'vm_end'
                 4 |     vma.vm_end = 1;
                   |         ^^^^^^
                1 error
                """, errors("struct vm_area_struct { vm_start: int; }\nvar vma: vm_area_struct;\nproc p() {\n"
                + "    vma.vm_end = 1;\n}\n" + SCENARIO));
    }

    @Test
    void breakOutsideLoop() {
        assertEquals("""
                models/m.uffd:2:5: error: break outside a loop
                 2 |     break;
                   |     ^^^^^^
                1 error
                """, errors("proc p() {\n    break;\n}\n" + SCENARIO));
    }

    @Test
    void returnValueFromProcedureWithoutResult() {
        assertEquals("""
                models/m.uffd:2:12: error: p returns no value
                 2 |     return 1;
                   |            ^
                1 error
                """, errors("proc p() {\n    return 1;\n}\n" + SCENARIO));
    }

    @Test
    void returnWithoutValue() {
        assertEquals("""
                models/m.uffd:2:5: error: vma_count must return a value of type int
                 2 |     return;
                   |     ^^^^^^^
                1 error
                """, errors("proc vma_count(): int {\n    return;\n}\nproc p() { skip; }\n" + SCENARIO));
    }

    @Test
    void recursionThroughAnotherProcedure() {
        assertEquals("""
                models/m.uffd:1:6: error: procedure p calls itself (directly or through others); recursion is not supported
                 1 | proc p() {
                   |      ^
                1 error
                """, errors("proc p() {\n    q();\n}\nproc q() {\n    p();\n}\n" + SCENARIO));
    }

    @Test
    void procedureCallInsideExpression() {
        assertEquals("""
                models/m.uffd:4:9: error: a procedure call is a statement of its own: write x = vma_count(...);
                 4 |     n = vma_count() + 1;
                   |         ^^^^^^^^^^^
                1 error
                """, errors("proc vma_count(): int { return 1; }\nproc p() {\n    var n: int;\n    n = vma_count() + 1;\n}\n"
                + SCENARIO));
    }

    @Test
    void unknownConstantInASize() {
        assertEquals("""
                models/m.uffd:1:18: error: list capacity: unknown constant 'QLEN'
                 1 | var q: list<int, QLEN>;
                   |                  ^^^^
                1 error
                """, errors("var q: list<int, QLEN>;\nproc p() { skip; }\n" + SCENARIO));
    }

    @Test
    void arraySizeMustBeConstant() {
        assertEquals("""
                models/m.uffd:2:21: error: array size must be a constant; 'nr_pages' is a variable
                 2 | var populated: bool[nr_pages];
                   |                     ^^^^^^^^
                1 error
                """, errors("var nr_pages: int;\nvar populated: bool[nr_pages];\nproc p() { skip; }\n" + SCENARIO));
    }

    @Test
    void unknownLabelInThreadAtLabel() {
        assertEquals("""
                models/m.uffd:2:34: error: unknown label 'end_idel'
                 2 | invariant idle: !t@end_idle || t@end_idel;
                   |                                  ^^^^^^^^
                1 error
                """, errors("proc p() { end_idle: skip; }\ninvariant idle: !t@end_idle || t@end_idel;\n" + SCENARIO));
    }

    @Test
    void unknownPropertyInCheck() {
        assertEquals("""
                models/m.uffd:4:11: error: unknown property 'no_deadlok'; declare it with invariant, reachable, eventually or leadsto
                 4 |     check no_deadlok;
                   |           ^^^^^^^^^^
                1 error
                """, errors("proc p() { skip; }\nscenario s {\n    thread t = p();\n    check no_deadlok;\n    expect holds;\n}\n"));
    }

    @Test
    void fairnessWithoutALivenessPropertyChecked() {
        String text = "var done: bool;\nproc p() { done = true; }\neventually finished: done;\n"
                + "scenario s {\n    thread t = p();\n    check deadlock;\n    fairness none;\n    expect holds;\n}\n";
        String out = errors(text);
        assertTrue(out.startsWith("models/m.uffd:7:5: error: scenario s says its fairness but checks no eventually or leadsto property"), out);
        assertTrue(out.endsWith("1 error\n"), out);
    }

    @Test
    void unknownPropertyInExpect() {
        assertEquals("""
                models/m.uffd:4:22: error: unknown property 'asert'
                 4 |     expect violation asert;
                   |                      ^^^^^
                1 error
                """, errors("proc p() { skip; }\nscenario s {\n    thread t = p();\n    expect violation asert;\n}\n"));
    }

    @Test
    void expectedViolationMustBeChecked() {
        assertEquals("""
                models/m.uffd:3:10: error: scenario s expects a violation of 'deadlock' but does not check it
                 3 | scenario s {
                   |          ^
                1 error
                """, errors("invariant ok: true;\nproc p() { skip; }\nscenario s {\n    thread t = p();\n    check ok;\n"
                + "    expect deadlock;\n}\n"));
    }

    @Test
    void scenarioWithoutExpect() {
        assertEquals("""
                models/m.uffd:2:10: error: scenario fork has no expect line (expect holds; / expect violation NAME; / expect deadlock;)
                 2 | scenario fork {
                   |          ^^^^
                1 error
                """, errors("proc p() { skip; }\nscenario fork {\n    thread t = p();\n}\n"));
    }

    @Test
    void lockPassedByValue() {
        assertEquals("""
                models/m.uffd:1:27: error: a lock cannot be passed by value; use a global or a struct field
                 1 | proc mmap_write_lock(sem: rwsem) {
                   |                           ^^^^^
                1 error
                """, errors("proc mmap_write_lock(sem: rwsem) {\n    down_write(sem);\n}\n"));
    }

    @Test
    void unknownProcedureInThreadLine() {
        assertEquals("""
                models/m.uffd:3:16: error: unknown procedure 'userfaultfd_raed'
                 3 |     thread t = userfaultfd_raed();
                   |                ^^^^^^^^^^^^^^^^
                1 error
                """, errors("proc userfaultfd_read() { skip; }\nscenario s {\n    thread t = userfaultfd_raed();\n"
                + "    expect holds;\n}\n"));
    }

    @Test
    void wrongThreadArgumentCount() {
        assertEquals("""
                models/m.uffd:3:5: error: handle_userfault takes 1 argument, found 0
                 3 |     thread t = handle_userfault();
                   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                1 error
                """, errors("proc handle_userfault(address: int) { skip; }\nscenario s {\n    thread t = handle_userfault();\n"
                + "    expect holds;\n}\n"));
    }

    @Test
    void threadArgumentOutOfRange() {
        assertEquals("""
                models/m.uffd:3:33: error: value 4 is out of range for int[0..3]
                 3 |     thread t = handle_userfault(4);
                   |                                 ^
                1 error
                """, errors("proc handle_userfault(address: int[0..3]) { skip; }\nscenario s {\n"
                + "    thread t = handle_userfault(4);\n    expect holds;\n}\n"));
    }

    @Test
    void chainedComparisonIsOneError() {
        assertEquals("""
                models/m.uffd:3:17: error: comparisons do not chain; write a < b && b < c
                 3 | invariant sane: 0 <= vm_start < vm_end;
                   |                 ^^^^^^^^^^^^^^^^^^^^^^
                1 error
                """, errors("var vm_start: int;\nvar vm_end: int;\ninvariant sane: 0 <= vm_start < vm_end;\n"));
    }

    @Test
    void stateChangingBuiltinInsideExpression() {
        assertEquals("""
                models/m.uffd:3:9: error: pop_front changes the state, so it is a statement of its own
                 3 |     if (pop_front(wqh) == 1) {
                   |         ^^^^^^^^^^^^^^
                1 error
                """, errors("var wqh: list<int, 2>;\nproc p() {\n    if (pop_front(wqh) == 1) {\n        skip;\n    }\n}\n"
                + SCENARIO));
    }

    @Test
    void everyMistakeInAFileIsReportedAtOnce() {
        String out = errors("""
                var mmap_sem: rwsem;
                var copied: int[0..2];
                proc monitor() {
                    down_read(mmap_sem);
                    copied = copied + flg;
                    up_read(mmap_sem);
                    break;
                }
                invariant ok: copied;
                scenario s {
                    thread m = monitr();
                }
                """);
        String[] expected = {
            "models/m.uffd:5:23: error: unknown name 'flg'",
            "models/m.uffd:7:5: error: break outside a loop",
            "models/m.uffd:9:15: error: invariant ok: expected bool, found int[0..2]",
            "models/m.uffd:11:16: error: unknown procedure 'monitr'",
            "models/m.uffd:10:10: error: scenario s has no expect line",
        };
        for (String e : expected) {
            assertTrue(out.contains(e), () -> "missing '" + e + "' in\n" + out);
        }
        assertTrue(out.endsWith(expected.length + " errors\n"), out);
    }
}
