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
