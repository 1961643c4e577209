package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** check writes the trace files; replay reproduces against the model and diverges against the fix. */
class ReplayCommandTest {
    private static final String FORK = "models/toys/fork_event_toy.uffd";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkWritesJsonAndHtmlAndReplayReproducesOrDiverges() throws Exception {
        Path json = dir.resolve("fork.json");
        Path html = dir.resolve("fork.html");
        Run check = run("check", FORK, "--scenario", "fork_waits_under_mmap_sem", "--trace-json", json.toString(),
                "--html", html.toString());
        assertEquals(Main.VIOLATION, check.code(), check.err());
        assertTrue(check.out().contains("step  forker"), check.out());
        assertTrue(Files.readString(json).contains("\"format\" : \"ITF\""));
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));

        Run same = run("replay", json.toString());
        assertEquals(Main.VIOLATION, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("REPRODUCED"), same.out());

        Run fixed = run("replay", json.toString(), FORK, "--scenario", "fork_waits_after_up_write");
        assertEquals(Main.HOLDS, fixed.code(), fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("diverges at step 3"), fixed.out());
    }

    /** Replay judged the last state with its own copy of the properties, which knew no leaks. */
    @Test
    void aLeakReplaysAgainstItsOwnModel() throws Exception {
        Path model = dir.resolve("leak.uffd");
        Files.writeString(model, """
                struct obj { refs: int; }
                pool obj[2];
                var q: obj*;
                proc lose() {
                    q = kmalloc(obj);
                    q = null;
                }
                scenario only_leak {
                    thread b = lose();
                    expect violation memory_safe;
                }
                """);
        Path json = dir.resolve("leak.json");
        Run check = run("check", model.toString(), "--trace-json", json.toString());
        assertEquals(Main.VIOLATION, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("memory_safe: leak: unreachable at the end: obj#1"), check.out());

        Run same = run("replay", json.toString(), model.toString());
        assertEquals(Main.VIOLATION, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("REPRODUCED: all 2 steps replay and the last state violates memory_safe: leak: "),
                same.out());

        // With a thread that has not run yet the same last state is no end, so nothing leaks there yet.
        Files.writeString(model, Files.readString(model).replace("scenario only_leak {", "var x: int;\nproc idle() { x = 1; }\n"
                + "scenario only_leak {\n    thread c = idle();"));
        Run fixed = run("replay", json.toString(), model.toString());
        assertEquals(Main.HOLDS, fixed.code(), fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("nothing leaks at the end"), fixed.out());
    }

    @Test
    void listKeepsTheNumberedForm() {
        Run list = run("check", FORK, "--scenario", "fork_waits_under_mmap_sem", "--list");
        assertEquals(Main.VIOLATION, list.code());
        assertTrue(list.out().contains("models/toys/fork_event_toy.uffd:29  dup_mmap_waits_under_mmap_sem: down_write(mmap_sem);"),
                list.out());
    }

    @Test
    void aMissingOrBrokenTraceIsBadInput() throws Exception {
        assertEquals(Main.BAD_INPUT, run("replay", dir.resolve("none.json").toString()).code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"states\": []}");
        Run r = run("replay", bad.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("not a uffdcheck trace"), r.err());
    }
}
