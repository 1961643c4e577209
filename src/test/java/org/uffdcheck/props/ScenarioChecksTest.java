package org.uffdcheck.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.engine.PropertyId;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.explore.Explorer;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;

/**
 * Properties have identities that tell apart the faults sharing a name, and the judgement of a
 * trace's last state (replay, counterexamples) agrees with the search's.
 */
public class ScenarioChecksTest {
    /** a may free p and then read through it; b loses the object it allocated: two faults of memory_safe. */
    public static final String TWO_MEMORY_FAULTS = """
            struct obj { refs: int; }
            pool obj[2];
            var p: obj*;
            var q: obj*;
            var c: int[0..1];
            proc use_late() {
                select c in 0..1;
                if (c == 1) {
                    kfree(p);
                    c = p->refs;
                }
            }
            proc lose() {
                q = kmalloc(obj);
                q = null;
            }
            proc setup() { p = kmalloc(obj); }
            scenario two_faults {
                init { setup(); }
                thread a = use_late();
                thread b = lose();
                expect violation memory_safe;
            }
            """;

    @TempDir
    Path dir;

    private CompiledScenario compile(String text) throws IOException {
        Path file = dir.resolve("m.uffd");
        Files.writeString(file, text);
        CheckedModel m = Checker.check(ModelLoader.load(file, "m.uffd"));
        return Compiler.compile(m, m.scenarios.values().iterator().next());
    }

    private static ExploreResult all(CompiledScenario cs, ExploreOptions.Mode mode) {
        return new Explorer(cs, new ScenarioChecks(cs), ExploreOptions.defaults().withMode(mode).withAll(true)).run();
    }

    @Test
    void faultsSharingANameAreDistinctViolations() throws IOException {
        CompiledScenario cs = compile(TWO_MEMORY_FAULTS);
        List<PropertyId> ids = all(cs, ExploreOptions.Mode.BFS).violations().stream().map(Violation::id).toList();
        assertEquals(List.of(PropertyId.of(Fault.USE_AFTER_FREE), PropertyId.of(Fault.LEAK)), ids);
        assertEquals(List.of("memory_safe (use_after_free)", "memory_safe (leak)"),
                ids.stream().map(PropertyId::show).toList());
    }

    @Test
    void theLastStateOfEachViolationIsJudgedAsTheSearchJudgedIt() throws IOException {
        CompiledScenario cs = compile(TWO_MEMORY_FAULTS.replace("scenario two_faults", "invariant c_small: c < 1;\nscenario two_faults"));
        ScenarioChecks checks = new ScenarioChecks(cs);
        List<Violation> found = all(cs, ExploreOptions.Mode.BFS).violations();
        // c = 1 breaks c_small before anything is freed, and a violating state is not expanded.
        assertEquals(List.of(PropertyId.of("c_small"), PropertyId.of(Fault.LEAK)), found.stream().map(Violation::id).toList());
        for (Violation v : found) {
            int[] last = v.trace().last();
            assertEquals(v.id(), checks.property(checks.violation(last)));
            assertEquals(v.id(), checks.violated(last, v.property(), null));
        }
        assertNull(checks.violated(found.get(0).trace().last(), "memory_safe", null));
        assertNull(checks.violated(found.get(1).trace().last(), "c_small", null));

        CompiledScenario faults = compile(TWO_MEMORY_FAULTS);
        ScenarioChecks fc = new ScenarioChecks(faults);
        for (Violation v : all(faults, ExploreOptions.Mode.BFS).violations()) {
            int[] end = v.trace().last();
            assertEquals(v.id(), fc.violated(end, "memory_safe", null));
            assertEquals(v.id(), fc.violated(end, "memory_safe", v.id().fault().kind));
            String other = v.id().fault() == Fault.LEAK ? "use_after_free" : "leak";
            assertNull(fc.violated(end, "memory_safe", other), v.id() + " is not " + other);
            assertNull(fc.violated(end, "deadlock", null));
        }
    }

    @Test
    void aDeadlockIsJudgedOnTheSuccessorsOfTheLastState() throws IOException {
        CompiledScenario cs = compile(Files.readString(Path.of("models/toys/abba_deadlock.uffd")));
        ExploreResult r = all(cs, ExploreOptions.Mode.DFS);
        assertEquals(PropertyId.DEADLOCK, r.violations().get(0).id());
        ScenarioChecks checks = new ScenarioChecks(cs);
        assertEquals(PropertyId.DEADLOCK, checks.violated(r.trace().last(), "deadlock", null));
        assertNull(checks.violated(r.trace().states().get(0), "deadlock", null), "the initial state can move");
    }

    @Test
    void aFaultIsQualifiedOnlyWhereItsNameIsShared() {
        assertEquals("assert", PropertyId.of(Fault.ASSERT).show());
        assertEquals("no_wait_under_mmap_sem", PropertyId.of(Fault.USER_WAIT_UNDER_LOCK).show());
        assertEquals("memory_safe (double_free)", PropertyId.of(Fault.DOUBLE_FREE).show());
        assertEquals("x_small", PropertyId.of("x_small").show());
    }
}
