package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** inject lines, should_fail and kmalloc failing as an injected choice. */
class InjectSemanticsTest {
    private static final String DECLS = """
            struct buf { x: int; }
            pool buf[2];
            var p: buf*;
            var fails: int;
            """;

    private static CompiledScenario compile(String body, String inject) {
        return Sem.compile(DECLS + "proc q() {\n" + body + "\n}\nscenario s { thread t = q(); " + inject + " expect holds; }\n");
    }

    @Test
    void withoutInjectNothingFailsAndNothingBranches() {
        // Two steps, each with one successor: 3 states, as before failure injection existed.
        CompiledScenario cs = compile("p = kmalloc(buf); if (should_fail(split_vma)) { fails = 1; }", "");
        assertHolds(3, Sem.explore(cs));
        assertTrue(Sem.finalStates(cs).iterator().next().contains("fails = 0"));
    }

    @Test
    void shouldFailIsAChoiceWhileFailuresAreLeft() {
        CompiledScenario cs = compile("if (should_fail(split_vma)) { fails = fails + 1; } if (should_fail(split_vma)) { fails = fails + 1; }",
                "inject split_vma;");
        Set<List<String>> ends = Sem.finalStates(cs);
        // max 1: one failure at most, at the first or the second question, or none.
        assertEquals(Set.of("fails = 0", "fails = 1"), fails(ends));
        cs = compile("if (should_fail(split_vma)) { fails = fails + 1; } if (should_fail(split_vma)) { fails = fails + 1; }",
                "inject split_vma max 2;");
        assertEquals(Set.of("fails = 0", "fails = 1", "fails = 2"), fails(Sem.finalStates(cs)));
    }

    @Test
    void shouldFailStoredAndElse() {
        CompiledScenario cs = compile("var f: bool = should_fail(map_count); if (f) { fails = 1; } else { fails = 2; }",
                "inject map_count;");
        assertEquals(Set.of("fails = 1", "fails = 2"), fails(Sem.finalStates(cs)));
        cs = compile("if (should_fail(map_count)) { fails = 1; } else { fails = 2; }", "inject map_count;");
        assertEquals(Set.of("fails = 1", "fails = 2"), fails(Sem.finalStates(cs)));
    }

    @Test
    void onlyTheInjectedKindFails() {
        CompiledScenario cs = compile("if (should_fail(split_vma)) { fails = 1; } if (should_fail(map_count)) { fails = 2; }",
                "inject map_count;");
        assertEquals(Set.of("fails = 0", "fails = 2"), fails(Sem.finalStates(cs)));
    }

    @Test
    void kmallocMayReturnNullUnderInjectKmalloc() {
        CompiledScenario cs = compile("p = kmalloc(buf); if (p == null) { fails = 1; } else { kfree(p); }", "inject kmalloc;");
        assertEquals(Set.of("fails = 0", "fails = 1"), fails(Sem.finalStates(cs)));
        cs = compile("p = kmem_cache_alloc(buf); if (p == null) { fails = 1; } else { kfree(p); }", "inject kmalloc;");
        assertEquals(Set.of("fails = 0", "fails = 1"), fails(Sem.finalStates(cs)));
        // Without it, the null branch is dead.
        cs = compile("p = kmalloc(buf); if (p == null) { fails = 1; } else { kfree(p); }", "");
        assertEquals(Set.of("fails = 0"), fails(Sem.finalStates(cs)));
    }

    @Test
    void poolExhaustionStaysItsOwnFault() {
        String body = "var a: buf* = kmalloc(buf); var b: buf* = kmalloc(buf); var c: buf* = kmalloc(buf);"
                + " kfree(a); kfree(b); kfree(c);";
        // Injected failures never hide the bound: the run that allocates all three still exhausts the pool.
        assertViolation("pool_exhausted", 3, Sem.explore(compile(body, "inject kmalloc;")));
    }

    @Test
    void theInitCodeNeverFails() {
        String m = DECLS + """
                proc setup() { p = kmalloc(buf); }
                proc q() { assert p != null; }
                scenario s { init { setup(); } thread t = q(); inject kmalloc; expect holds; }
                """;
        assertHolds(2, Sem.explore(Sem.compile(m)));
    }

    @Test
    void aTraceShowsTheInjectedFailure() {
        CompiledScenario cs = compile("p = kmalloc(buf); if (should_fail(split_vma)) { fails = 1; }", "inject kmalloc, split_vma;");
        int[] s = Sem.initial(cs);
        List<String> shown = new java.util.ArrayList<>();
        cs.newStepper().successors(s, (next, label) -> shown.add(cs.describer().step(s, label, next.clone()).statement()));
        assertEquals(List.of("p = kmalloc(buf);", "p = kmalloc(buf); -> null (injected failure)"), shown);
    }

    @Test
    void badInjectLinesAreLocatedErrors() {
        String err = Sem.rejected(DECLS + "proc q() { }\nscenario s { thread t = q(); inject kmalloc max 0; expect holds; }\n");
        assertTrue(err.contains("sem.uffd:6:") && err.contains("the number of failures must be 1 to 8"), err);
        err = Sem.rejected(DECLS + "proc q() { }\nscenario s { thread t = q(); inject kmalloc max 1000; expect holds; }\n");
        assertTrue(err.contains("inject kmalloc max 1000"), err);
        err = Sem.rejected(DECLS + "proc q() { }\nscenario s { thread t = q(); inject spilt_vma; expect holds; }\n");
        assertTrue(err.contains("nothing can fail as 'spilt_vma'"), err);
        err = Sem.rejected(DECLS + "proc q() { }\nscenario s { thread t = q(); inject kmalloc, kmalloc; expect holds; }\n");
        assertTrue(err.contains("injected twice"), err);
        err = Sem.rejected(DECLS + "proc q() { var b: bool = should_fail(1); }\nscenario s { thread t = q(); expect holds; }\n");
        assertTrue(err.contains("should_fail needs the name of a kind of failure"), err);
        err = Sem.rejected(DECLS + "proc q() { while (should_fail(x)) { } }\nscenario s { thread t = q(); expect holds; }\n");
        assertTrue(err.contains("should_fail is a choice of its own"), err);
    }

    private static Set<String> fails(Set<List<String>> ends) {
        Set<String> out = new java.util.TreeSet<>();
        for (List<String> l : ends) for (String line : l) if (line.startsWith("fails = ")) out.add(line);
        return out;
    }
}
