package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.lang.Models.errors;

import org.junit.jupiter.api.Test;

/** Each mistake is checked as the user sees it: file:line:col, message, source line and underline. */
class ParserErrorTest {

    @Test
    void missingSemicolonPointsJustAfterThePreviousToken() {
        assertEquals("""
                models/uffd.uffd:2:28: error: expected ';' after statement, found 'ctx'
                 2 |     down_write(mm.mmap_sem)
                   |                            ^
                1 error
                """, errors("""
                proc userfaultfd_release(mm: mm_struct, ctx: userfaultfd_ctx) {
                    down_write(mm.mmap_sem)
                    ctx.released = true;
                    up_write(mm.mmap_sem);
                }
                """));
    }

    @Test
    void unterminatedBlockPointsAtItsOpeningBrace() {
        assertEquals("""
                models/uffd.uffd:1:25: error: '{' opened here is never closed
                 1 | proc handle_userfault() {
                   |                         ^
                1 error
                """, errors("""
                proc handle_userfault() {
                    if (ctx.released) {
                        return;
                    }
                """));
    }

    @Test
    void unclosedBlockStopsAtTheNextDeclaration() {
        // The '}' on line 4 closes the 'if', so the procedure's brace is the one left open; the next
        // procedure is still parsed normally.
        assertEquals("""
                models/uffd.uffd:1:25: error: '{' opened here is never closed
                 1 | proc handle_userfault() {
                   |                         ^
                1 error
                """, errors("""
                proc handle_userfault() {
                    if (ctx.released) {
                        return;
                }
                proc userfaultfd_read() { skip; }
                """));
    }

    @Test
    void unterminatedString() {
        assertEquals("""
                models/uffd.uffd:2:27: error: unterminated string literal: missing closing '"' before end of line
                 2 |     assert !ctx.released, "fault after release;
                   |                           ^^^^^^^^^^^^^^^^^^^^^
                1 error
                """, errors("""
                proc handle_userfault() {
                    assert !ctx.released, "fault after release;
                    skip;
                }
                """));
    }

    @Test
    void anIndentedPropertyInsideAScenarioIsToldWhereItBelongs() {
        // Indented, the declaration was written inside the block: the scenario's brace is not
        // blamed, and the items after it still parse.
        assertEquals("""
                models/uffd.uffd:3:5: error: 'reachable' starts a declaration, which belongs at the top level, not inside a block; declare the property at the top level and name it in a scenario with 'check NAME;'
                 3 |     reachable released: ctx_released;
                   |     ^^^^^^^^^
                1 error
                """, errors("""
                scenario release_vs_fault {
                    thread t = handle_userfault();
                    reachable released: ctx_released;
                    expect holds;
                }
                """));
    }

    @Test
    void unterminatedComment() {
        assertEquals("""
                models/uffd.uffd:2:1: error: unterminated comment: '/*' is never closed by '*/'
                 2 | /* mmap_sem is held for read
                   | ^^
                1 error
                """, errors("""
                var mmap_sem: rwsem;
                /* mmap_sem is held for read
                   while the fault is queued
                """));
    }

    @Test
    void unexpectedCharacterIsReportedOnce() {
        assertEquals("""
                models/uffd.uffd:2:22: error: unexpected character '#'
                 2 |     ctx.features = f # UFFD_FEATURE_EVENT_FORK;
                   |                      ^
                1 error
                """, errors("""
                proc uffdio_api(f: int) {
                    ctx.features = f # UFFD_FEATURE_EVENT_FORK;
                    skip;
                }
                """));
    }

    @Test
    void malformedAndOverlongNumbers() {
        assertEquals("""
                models/uffd.uffd:1:18: error: malformed number '4k'
                 1 | const NR_PAGES = 4k;
                   |                  ^^
                models/uffd.uffd:2:18: error: integer literal '0x1ffffffffffffffff' does not fit in a 64-bit signed integer
                 2 | const ADDR_MAX = 0x1ffffffffffffffff;
                   |                  ^^^^^^^^^^^^^^^^^^^
                2 errors
                """, errors("""
                const NR_PAGES = 4k;
                const ADDR_MAX = 0x1ffffffffffffffff;
                """));
    }

    @Test
    void missingCloseParen() {
        assertEquals("""
                models/uffd.uffd:2:26: error: expected ')' after arguments, found ';'
                 2 |     down_read(mm.mmap_sem;
                   |                          ^
                models/uffd.uffd:3:21: error: expected ')' after condition, found '{'
                 3 |     if (ctx.released {
                   |                     ^
                2 errors
                """, errors("""
                proc handle_userfault() {
                    down_read(mm.mmap_sem;
                    if (ctx.released {
                        return;
                    }
                }
                """));
    }

    @Test
    void missingType() {
        assertEquals("""
                models/uffd.uffd:1:15: error: expected a type after ':', found '='
                 1 | var mmap_sem: = 0;
                   |               ^
                models/uffd.uffd:2:44: error: expected a type after ':', found ';'
                 2 | struct uffd_msg { event: uffd_event; addr: ; }
                   |                                            ^
                2 errors
                """, errors("""
                var mmap_sem: = 0;
                struct uffd_msg { event: uffd_event; addr: ; }
                """));
    }

    @Test
    void eitherWithOneBranch() {
        assertEquals("""
                models/uffd.uffd:2:5: error: 'either' needs at least two branches; add 'or { ... }' or drop the 'either'
                 2 |     either { await ctx.released; }
                   |     ^^^^^^
                1 error
                """, errors("""
                proc userfaultfd_read() {
                    either { await ctx.released; }
                    skip;
                }
                """));
    }

    @Test
    void assignmentToNonLvalueAndUselessExpression() {
        assertEquals("""
                models/uffd.uffd:2:5: error: cannot assign to this expression
                 2 |     len(ctx.fault_pending_wqh) = 0;
                   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^
                models/uffd.uffd:3:5: error: expression statement has no effect; did you mean '=' or a call?
                 3 |     ctx.released == true;
                   |     ^^^^^^^^^^^^^^^^^^^^
                2 errors
                """, errors("""
                proc userfaultfd_release() {
                    len(ctx.fault_pending_wqh) = 0;
                    ctx.released == true;
                }
                """));
    }

    @Test
    void unknownTopLevelToken() {
        assertEquals("""
                models/uffd.uffd:2:1: error: expected a declaration (include, const, enum, struct, var, proc, \
                invariant, reachable, eventually, leadsto, scenario, pool or forbid_user_wait), found 'down_write'
                 2 | down_write(mm.mmap_sem);
                   | ^^^^^^^^^^
                1 error
                """, errors("""
                var mmap_sem: rwsem;
                down_write(mm.mmap_sem);
                const NR_PAGES = 4;
                """));
    }

    @Test
    void severalErrorsInOneFileAreAllReported() {
        String out = errors("""
                const NR_PAGES = 4
                var ctx: userfaultfd_ctx = ;
                proc handle_userfault(addr: int) {
                    down_read(mm.mmap_sem)
                    ctx.waiting = ctx.waiting + ;
                    up_read(mm.mmap_sem);
                }
                enum uffd_event { PAGEFAULT FORK }
                scenario fault { thread t = handle_userfault(0); expect maybe; }
                """);
        assertTrue(out.contains("uffd.uffd:1:19: error: expected ';' after constant, found 'var'"), out);
        assertTrue(out.contains("uffd.uffd:2:28: error: expected an expression, found ';'"), out);
        assertTrue(out.contains("uffd.uffd:4:27: error: expected ';' after statement, found 'ctx'"), out);
        assertTrue(out.contains("uffd.uffd:5:33: error: expected an expression, found ';'"), out);
        assertTrue(out.contains("uffd.uffd:8:29: error: expected ',' or '}' after enum member, found 'FORK'"), out);
        assertTrue(out.contains("uffd.uffd:9:57: error: expected 'holds', 'deadlock' or 'violation' after 'expect', "
                + "found 'maybe'"), out);
        assertTrue(out.endsWith("6 errors\n"), out);
    }

    @Test
    void keywordUsedAsNameSaysSo() {
        String out = errors("var list: int;");
        assertTrue(out.contains("1:5: error: expected a variable name after 'var', found keyword 'list'"), out);
    }

    @Test
    void missingSemicolonAtEndOfFile() {
        assertEquals("""
                models/uffd.uffd:1:19: error: expected ';' after constant, found end of file
                 1 | const NR_PAGES = 4
                   |                   ^
                1 error
                """,
                errors("const NR_PAGES = 4"));
    }
}
