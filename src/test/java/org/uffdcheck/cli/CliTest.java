package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The uffdcheck command as a user drives it: exit codes, and what goes to stdout and stderr. */
class CliTest {
    /** Two tasks take a reference each; only_one_user fails on every path, so every search finds it. */
    private static final String TWO_USERS = """
            var users: int[0..2];

            proc mmget() {
                users = users + 1;
            }

            invariant only_one_user: users <= 1;

            scenario two_users {
                thread t1 = mmget();
                thread t2 = mmget();
                expect violation only_one_user;
            }
            """;

    private static final String ONE_USER = """
            var users: int[0..2];

            proc mmget() {
                users = users + 1;
            }

            invariant only_one_user: users <= 1;

            scenario one_user {
                thread t1 = mmget();
                expect holds;
            }
            """;

    /** A fault address chosen from 41 values: 42 states in all. */
    private static final String MANY_STATES = """
            var address: int[0..40];

            proc handle_userfault() {
                select address in 0..40;
            }

            scenario any_address {
                thread t = handle_userfault();
                expect holds;
            }
            """;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String all() { return out + err; }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path model(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static void noStackTrace(Result r) {
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    @Test
    void holdingModelExitsZero() throws IOException {
        Result r = run("check", model("one.uffd", ONE_USER).toString());
        assertEquals(Main.HOLDS, r.code(), r.all());
        assertTrue(r.out().contains("scenario one_user: holds (expected holds)"), r.out());
    }

    @Test
    void violationExitsOneWithTrace() throws IOException {
        Result r = run("check", model("two.uffd", TWO_USERS).toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("scenario two_users: violation only_one_user"), r.out());
        assertTrue(r.out().contains("counterexample, 2 steps:"), r.out());
        assertTrue(r.out().contains("users = users + 1;"), r.out());
    }

    @Test
    void depthFirstSearchFindsTheViolation() throws IOException {
        Result r = run("check", "--dfs", model("two.uffd", TWO_USERS).toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("violation only_one_user"), r.out());
        assertTrue(r.out().contains("counterexample"), r.out());
    }

    @Test
    void simulationFindsTheViolation() throws IOException {
        Result r = run("check", "--simulate", "20", "--seed", "7", model("two.uffd", TWO_USERS).toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("violation only_one_user"), r.out());
        assertTrue(r.out().contains("counterexample"), r.out());
    }

    @Test
    void modelWithMistakeExitsTwoWithLocatedDiagnostic() throws IOException {
        Path f = model("bad.uffd", ONE_USER.replace("users = users + 1;", "users = usres + 1;"));
        Result r = run("check", f.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains(f + ":4:13: error: unknown name 'usres'"), r.err());
        assertTrue(r.err().contains("^^^^^"), r.err());
        assertEquals("", r.out());
        noStackTrace(r);
    }

    @Test
    void missingFileExitsTwo() {
        Result r = run("check", dir.resolve("nowhere.uffd").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("cannot read model file"), r.err());
        noStackTrace(r);
    }

    @Test
    void unknownScenarioExitsTwo() throws IOException {
        Result r = run("check", "--scenario", "three_users", model("two.uffd", TWO_USERS).toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("unknown scenario 'three_users'"), r.err());
        assertTrue(r.err().contains("two_users"), "names the scenarios there are: " + r.err());
        noStackTrace(r);
    }

    @Test
    void unknownOptionExitsTwo() throws IOException {
        Result r = run("check", "--breadth-first", model("one.uffd", ONE_USER).toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("--breadth-first"), r.err());
        noStackTrace(r);
    }

    @Test
    void conflictingSearchModesExitTwo() throws IOException {
        Result r = run("check", "--dfs", "--simulate", "5", model("one.uffd", ONE_USER).toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        noStackTrace(r);
    }

    @Test
    void noCommandExitsTwo() {
        Result r = run();
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        noStackTrace(r);
    }

    @Test
    void stateBoundBelowTheStateCountExitsThree() throws IOException {
        Path f = model("many.uffd", MANY_STATES);
        Result full = run("check", f.toString());
        assertEquals(Main.HOLDS, full.code(), full.all());
        Result cut = run("check", "--max-states", "10", f.toString());
        assertEquals(Main.BOUND, cut.code(), cut.all());
        assertTrue(cut.out().contains("bound hit (max-states 10)"), cut.out());
    }

    @Test
    void scenarioBoundAppliesWhenTheCommandLineGivesNone() throws IOException {
        Path f = model("many.uffd", MANY_STATES.replace("expect holds;", "max_states 10;\n    expect holds;"));
        assertEquals(Main.BOUND, run("check", f.toString()).code());
        assertEquals(Main.HOLDS, run("check", "--max-states", "1000", f.toString()).code());
    }

    @Test
    void testPassesWhenEveryModelMatchesAndSkipsLibraries() throws IOException {
        model("one.uffd", ONE_USER);
        model("sub/two.uffd", TWO_USERS);
        model("sub/mm_common.uffd", "struct mm_struct { mmap_sem: rwsem; }\nvar init_mm: mm_struct;\n");
        Result r = run("test", dir.toString());
        assertEquals(Main.HOLDS, r.code(), r.all());
        assertTrue(r.out().contains("expected"), "a table with a header: " + r.out());
        assertTrue(r.out().contains("one_user"), r.out());
        assertTrue(r.out().contains("two_users"), r.out());
        assertTrue(r.out().contains("2 scenarios: 2 as expected, 0 not"), r.out());
        assertFalse(r.out().contains("mm_common"), "a file without scenarios has no row: " + r.out());
    }

    private static final String TWO_INVARIANTS = """
            var x: int[0..3];
            var y: bool;
            proc a() { var k: int = 0; x = 1; k = k + 1; x = k + 1; }
            proc b() { y = true; }
            invariant x_small: x < 2;
            invariant y_false: !y;
            scenario s { thread ta = a(); thread tb = b(); expect violation y_false; }
            """;

    @Test
    void allPrintsOneShortestCounterexamplePerViolatedProperty() throws IOException {
        Path f = model("two.uffd", TWO_INVARIANTS);
        Result one = run("check", f.toString());
        assertFalse(one.out().contains("x_small"), "without --all the search stops at the first: " + one.out());
        Result all = run("check", "--all", f.toString());
        assertEquals(Main.VIOLATION, all.code(), all.all());
        assertTrue(all.out().contains("-- violation y_false") && all.out().contains("-- violation x_small"), all.out());
    }

    @Test
    void allReportsEachFaultOfASharedPropertyOnceAndByItsKind() throws IOException {
        Path f = model("faults.uffd", org.uffdcheck.props.ScenarioChecksTest.TWO_MEMORY_FAULTS);
        Path json = dir.resolve("faults.json");
        Result all = run("check", "--all", f.toString(), "--trace-json", json.toString());
        assertEquals(Main.VIOLATION, all.code(), all.all());
        assertTrue(all.out().contains("violation memory_safe (expected violation memory_safe)"), all.out());
        List<String> heads = all.out().lines().filter(l -> l.startsWith("  -- violation")).toList();
        assertEquals(List.of("  -- violation memory_safe (use_after_free)", "  -- violation memory_safe (leak)"), heads,
                all.out());
        String written = Files.readString(json);
        assertTrue(written.contains("\"fault\" : \"use_after_free\"") && written.contains("\"fault\" : \"leak\""), written);
    }

    @Test
    void mergeLocalKeepsTheVerdictInFewerStates() throws IOException {
        Path f = model("two.uffd", TWO_INVARIANTS.replace("expect violation y_false;", "check deadlock; expect holds;")
                .replace("invariant x_small: x < 2;\n", "").replace("invariant y_false: !y;\n", ""));
        Result plain = run("check", f.toString());
        Result merged = run("check", "--merge-local", f.toString());
        assertEquals(Main.HOLDS, plain.code(), plain.all());
        assertEquals(Main.HOLDS, merged.code(), merged.all());
        assertTrue(states(merged.out()) < states(plain.out()), plain.out() + merged.out());
    }

    @Test
    void bothEnginesPrintTheSameReport() throws IOException {
        Path f = model("two.uffd", TWO_INVARIANTS);
        Result interp = run("check", "--engine", "interp", f.toString());
        Result compiled = run("check", "--engine", "compiled", f.toString());
        assertEquals(Main.VIOLATION, interp.code(), interp.all());
        assertEquals(interp.code(), compiled.code(), compiled.all());
        assertEquals(interp.out().replaceAll("[0-9.]+ s\\b.*", ""), compiled.out().replaceAll("[0-9.]+ s\\b.*", ""));
        Result bad = run("check", "--engine", "jit", f.toString());
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--engine must be interp or compiled, got 'jit'"), bad.err());
    }

    @Test
    void symmetryKeepsTheVerdictAndShowsTheRealThreads() throws IOException {
        String body = "var x: int[0..3];\nvar lk: spinlock;\n"
                + "proc bump() { spin_lock(lk); x = x + 1; spin_unlock(lk); }\n"
                + "invariant x_small: x < 2;\n"
                + "scenario three { thread a = bump(); thread b = bump(); thread c = bump(); check x_small; expect violation x_small; }\n";
        Path f = model("three.uffd", body);
        Result plain = run("check", "--list", f.toString());
        Result sym = run("check", "--list", "--symmetry", f.toString());
        assertEquals(Main.VIOLATION, plain.code(), plain.all());
        assertEquals(Main.VIOLATION, sym.code(), sym.all());
        assertTrue(states(sym.out()) < states(plain.out()), plain.out() + sym.out());
        // As short as without, and a run of the model itself: two different threads take the lock
        // in turn, and the lock and the threads' ends are shown with the threads' own names.
        List<String> steps = stepThreads(sym.out());
        assertEquals(stepThreads(plain.out()).size(), steps.size(), sym.out());
        assertEquals(5, steps.size(), sym.out());
        String first = steps.get(0), second = steps.get(3);
        assertNotEquals(first, second, sym.out());
        assertTrue(sym.out().contains("lk = locked by " + first) && sym.out().contains(first + " finished")
                && sym.out().contains("lk = locked by " + second), sym.out());
    }

    /** The thread of each numbered step of a --list trace. */
    private static List<String> stepThreads(String out) {
        List<String> threads = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ +[0-9]+  ([a-z]+) ").matcher(out);
        while (m.find()) threads.add(m.group(1));
        return threads;
    }

    private static long states(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9,]+) states,").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** A library may use a constant only its includer defines: alone it does not check, so test skips it. */
    @Test
    void testChecksLibrariesThroughTheModelsThatIncludeThem() throws IOException {
        model("lib/queue.uffd", "var q: list<int, QLEN>;\nproc add() { push_back(q, 1); }\n");
        model("uses.uffd", "const QLEN = 1;\ninclude \"lib/queue.uffd\";\n"
                + "scenario two_adds { thread a = add(); thread b = add(); expect violation list_full; }\n");
        Result r = run("test", dir.toString());
        assertEquals(Main.HOLDS, r.code(), r.all());
        assertTrue(r.out().contains("1 scenarios: 1 as expected, 0 not"), r.out());
        assertFalse(r.all().contains("queue.uffd"), "the library gets no row and no error: " + r.all());
    }

    @Test
    void testFailsWhenAModelDeclaresTheWrongVerdict() throws IOException {
        model("one.uffd", ONE_USER);
        model("two.uffd", TWO_USERS.replace("expect violation only_one_user;", "expect holds;"));
        Result r = run("test", dir.toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("FAIL"), r.out());
        assertTrue(r.out().contains("2 scenarios: 1 as expected, 1 not"), r.out());
        assertTrue(r.err().contains("scenario two_users: unexpected verdict"), "the counterexample goes to stderr: " + r.err());
    }

    @Test
    void testExitsThreeWhenAScenarioHitsABoundAndNoVerdictDiffers() throws IOException {
        model("many.uffd", MANY_STATES);
        model("one.uffd", ONE_USER);
        Result r = run("test", "--max-states", "10", dir.toString());
        assertEquals(Main.BOUND, r.code(), r.all());
        assertTrue(r.out().contains("bound hit (max-states 10)"), r.out());
    }

    @Test
    void testExitsOneWhenAVerdictDiffersEvenIfAnotherScenarioHitABound() throws IOException {
        model("many.uffd", MANY_STATES);
        model("two.uffd", TWO_USERS.replace("expect violation only_one_user;", "expect holds;"));
        Result r = run("test", "--max-states", "10", dir.toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
    }

    /** main flushes the top-level writers before exit; diagnostics printed by a subcommand must go through them. */
    @Test
    void subcommandsPrintThroughTheWritersMainFlushes() {
        CommandLine cl = Main.commandLine();
        for (String sub : new String[] {"check", "test"}) {
            assertTrue(cl.getSubcommands().get(sub).getErr() == cl.getErr(), sub);
            assertTrue(cl.getSubcommands().get(sub).getOut() == cl.getOut(), sub);
        }
    }

    @Test
    void testOfAMissingDirectoryExitsTwo() {
        Result r = run("test", dir.resolve("no_such_dir").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        noStackTrace(r);
    }

    @Test
    void testOfADirectoryWithNoModelsExitsTwo() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        model("empty/notes.txt", "not a model");
        Result r = run("test", dir.resolve("empty").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("no models found under " + dir.resolve("empty")), r.err());
    }

    @Test
    void testOfAModelWithMistakesExitsTwoAndStillRunsTheOthers() throws IOException {
        model("one.uffd", ONE_USER);
        model("two.uffd", TWO_USERS.replace("users = users + 1;", "usres = users + 1;"));
        Result r = run("test", dir.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("unknown name 'usres'"), r.err());
        assertTrue(r.out().contains("model has errors"), r.out());
        assertTrue(r.out().contains("one_user"), "the other model still runs: " + r.out());
        noStackTrace(r);
    }

    @Test
    void outputFilesIntoAMissingDirectoryAreRefusedBeforeTheSearch() throws IOException {
        Path m = model("two.uffd", TWO_USERS);
        for (String option : new String[] {"--html", "--trace-json"}) {
            Path target = dir.resolve("no_such_dir").resolve("x.out");
            Result r = run("check", option, target.toString(), m.toString());
            assertEquals(Main.BAD_INPUT, r.code(), option + ": " + r.all());
            assertTrue(r.err().contains("directory " + dir.resolve("no_such_dir") + " does not exist"), r.err());
            assertFalse(r.out().contains("scenario"), "refused before the search: " + r.out());
            assertFalse(Files.exists(dir.resolve("no_such_dir")), option + " created the directory");
        }
    }

    @Test
    void writeErrorsGiveTheReason() throws IOException {
        Path m = model("two.uffd", TWO_USERS);
        Files.createDirectories(dir.resolve("adir"));
        Result r = run("check", "--html", dir.resolve("adir").toString(), m.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("cannot write " + dir.resolve("adir") + ": it is a directory"), r.err());

        Path locked = Files.createDirectories(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false));
        try {
            Path target = locked.resolve("t.json");
            Result w = run("check", "--trace-json", target.toString(), m.toString());
            if (!Files.exists(target)) { // root may write anywhere
                assertEquals(Main.BAD_INPUT, w.code(), w.all());
                assertTrue(w.err().contains("cannot write " + target + ": Permission denied"), w.err());
            }
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void ioReasonsNameTheCauseNotThePath() {
        assertEquals("Permission denied", IoErrors.reason(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("No such file or directory", IoErrors.reason(new java.nio.file.NoSuchFileException("/x")));
        assertEquals("Is a directory", IoErrors.reason(new java.nio.file.FileSystemException("/x", null, "Is a directory")));
    }

    @Test
    void meaninglessOptionCombinationsAreUsageErrors() throws IOException {
        String m = model("one.uffd", ONE_USER).toString();
        String[][] cases = {
            {"check", "--full", "--list", m},
            {"check", "--simulate", "0", m},
            {"check", "--simulate", "-3", m},
            {"check", "--seed", "7", m},
            {"test", "--seed", "7", m},
            {"bench", "--quick", "--large"},
        };
        for (String[] args : cases) {
            Result r = run(args);
            assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.all());
            assertTrue(r.err().contains("uffdcheck: --"), String.join(" ", args) + ": " + r.err());
            assertFalse(r.out().contains("scenario"), String.join(" ", args) + ": " + r.out());
        }
    }

    @Test
    void helpAndDocsAgreeOnExitCodes() throws IOException {
        String help = run("--help").out() + run("check", "--help").out() + run("test", "--help").out();
        assertTrue(help.contains("Ctrl-C stopped the search"), help);
        assertTrue(help.contains("no models found"), help);
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("interrupted before a verdict") && readme.contains("exits with 3"), "README: Ctrl-C exits 3");
        assertTrue(readme.contains("for `test`, no models found"), "README: no models found is 2");
        String language = Files.readString(Path.of("docs/language.md"));
        assertFalse(language.contains("or a model has mistakes |"), "language.md: a model with mistakes is 2, not 1");
        assertTrue(language.contains("| 3 | nothing was violated, but a bound was hit, a simulation ended, or the search was interrupted "
                + "| no verdict differs, but a scenario hit a bound (states, depth, time, memory) before its verdict, or the run was "
                + "interrupted |"), "language.md: test exits 3 on a bound");
        assertTrue(help.contains("no verdict differs, but a scenario hit a bound"), "test --help: a bound is 3");
    }
}
