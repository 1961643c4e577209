package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.explore.Explorer;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.props.ScenarioChecks;

/** Shortest counterexamples of the toy models, for the renderer and replay tests. */
final class Counterexamples {
    static final String FORK = "models/toys/fork_event_toy.uffd";
    static final String PETERSON_BROKEN = "models/toys/peterson_broken.uffd";
    static final String PETERSON = "models/toys/peterson.uffd";
    static final String ABBA = "models/toys/abba_deadlock.uffd";
    static final String LIVELOCK = "models/toys/liveness_livelock.uffd";

    /** Three threads with long names and a producer whose first steps no one else can see. */
    static final String THREE_THREADS = """
            var lock: spinlock;
            var queue: list<int[0..3], 3>;
            var done: int[0..3];

            proc producer_with_a_rather_long_name_for_a_column() {
                var i: int[0..5] = 0;
                i = i + 1;
                i = i + 1;
                spin_lock(lock);
                push_back(queue, 1);
                spin_unlock(lock);
                done = done + 1;
            }

            proc consumer() {
                await len(queue) > 0;
                spin_lock(lock);
                pop_front(queue);
                spin_unlock(lock);
                done = done + 1;
            }

            invariant not_all_done: done < 3;

            scenario three {
                thread producer_thread_number_one = producer_with_a_rather_long_name_for_a_column();
                thread producer_thread_number_two = producer_with_a_rather_long_name_for_a_column();
                thread consumer = consumer();
                check not_all_done;
                expect violation not_all_done;
            }
            """;

    /**
     * One thread that allocates two objects, frees one, keeps a stack object, and publishes the
     * other before setting its peer: the trace ends with a live, a freed and a stack object.
     */
    static final String HEAP = """
            struct page_table {
                pages: bool[8];
            }
            struct ctx {
                refcount: refcount;
                owner: task;
                peer: ctx*;
                table: page_table*;
            }
            pool ctx[2];
            pool page_table[1];

            var shared: ctx*;

            proc worker() {
                stack t: page_table;
                var a: ctx* = kmalloc(ctx);
                var b: ctx* = kmalloc(ctx);
                a.refcount = 2;
                a.owner = current;
                a.table = t;
                t.pages[7] = true;
                kfree(b);
                shared = a;
                a.peer = a;
            }

            invariant peered: shared == null || shared.peer != null;

            scenario publish_early {
                thread w = worker();
                check peered;
                expect violation peered;
            }
            """;

    static final String UNMAP_MUTANT = "models/mutants/unmap_under_mmap_sem.uffd";

    private Counterexamples() {}

    static CompiledScenario compile(String file, String scenario) {
        return compile(Checker.check(ModelLoader.load(Path.of(file), file)), scenario);
    }

    static CompiledScenario compile(CheckedModel m, String scenario) {
        return Compiler.compile(m, m.scenarios.get(scenario));
    }

    static CompiledScenario compileText(Path dir, String text, String scenario) {
        try {
            Path f = dir.resolve("model.uffd");
            Files.writeString(f, text);
            return compile(Checker.check(ModelLoader.load(f, "model.uffd")), scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shortest counterexample of a scenario that is violated. */
    static Counterexample of(CompiledScenario cs) {
        ExploreResult r = new Explorer(cs, new ScenarioChecks(cs), ExploreOptions.defaults()).run();
        assertEquals(ExploreResult.Status.VIOLATION, r.status(), "the scenario should be violated");
        assertNotNull(r.trace());
        return Counterexample.of(cs, r.property(), r.trace());
    }

    static Counterexample of(String file, String scenario) { return of(compile(file, scenario)); }
}
