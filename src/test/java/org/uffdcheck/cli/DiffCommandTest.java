package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uffdcheck diff as a user drives it: verdicts, exit codes, the report and its files. */
class DiffCommandTest {
    /** The reader waits for the writer, then observes what it wrote. */
    private static final String WAITS = """
            var x: int[0..2];

            proc writer() {
                atomic { x = 1; observe wrote(1); }
            }

            proc reader() {
                await x == 1;
                observe saw(x);
            }

            scenario s {
                thread w = writer();
                thread r = reader();
                expect holds;
            }
            """;

    @TempDir
    Path dir;

    private Path model(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void clean(CliTest.Result r) {
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    @Test
    void aModelIsTheSameAsItselfAndAsItsInternalRewrites() throws IOException {
        Path old = model("old.uffd", WAITS);
        Path slower = model("slower.uffd", WAITS.replace("    await x == 1;\n", "    await x == 1;\n    x = x;\n    x = x;\n"));
        CliTest.Result r = CliTest.run("diff", old.toString(), slower.toString());
        assertEquals(Main.HOLDS, r.code(), r.all());
        assertTrue(r.out().contains("scenario s: same observable behaviour"), r.out());
        assertTrue(r.out().contains("old: holds"), r.out());
        clean(r);
    }

    @Test
    void aNewObservationIsReportedWithTheRunThatMakesIt() throws IOException {
        Path old = model("old.uffd", WAITS);
        Path neu = model("new.uffd", WAITS.replace("    await x == 1;\n", ""));
        Path json = dir.resolve("d.json");
        Path html = dir.resolve("d.html");
        CliTest.Result r = CliTest.run("diff", old.toString(), neu.toString(), "--trace-json", json.toString(),
                "--html", html.toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("scenario s: observable behaviour differs"), r.out());
        assertTrue(r.out().contains("at the start, before any observation:"), r.out());
        assertTrue(r.out().contains("new can observe next: r: saw(0)"), r.out());
        assertTrue(r.out().contains("old cannot; it can observe instead: w: wrote(1)"), r.out());
        assertTrue(r.out().contains("run of new"), r.out());
        JsonNode runs = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, runs.size());
        assertEquals("difference", runs.get(0).get("#meta").get("uffdcheck").get("kind").asText());
        assertTrue(Files.readString(html).contains("uffdcheck diff"));
        clean(r);
    }

    @Test
    void blockingForEverWhereTheOtherOffersIsARefusal() throws IOException {
        Path old = model("old.uffd", WAITS);
        // After the write the reader may have chosen to wait for a value that never comes.
        Path neu = model("new.uffd", WAITS.replace("    await x == 1;\n    observe saw(x);\n", """
                    var c: int = 0;
                    select c in 0..1;
                    if (c == 0) {
                        await x == 1;
                        observe saw(x);
                    } else {
                        await x == 2;
                    }
                """).replace("expect holds;", "expect violation deadlock;"));
        CliTest.Result r = CliTest.run("diff", old.toString(), neu.toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("after the same 1 observation on both sides:"), r.out());
        assertTrue(r.out().contains("1. w: wrote(1)"), r.out());
        assertTrue(r.out().contains("new can come to rest with nothing to observe"), r.out());
        assertTrue(r.out().contains("old cannot: wherever it comes to rest it offers at least {r: saw(1)}"), r.out());
        clean(r);
    }

    @Test
    void scenariosThatObserveNothingAreSameWithANote() throws IOException {
        Path quiet = model("quiet.uffd", WAITS.replace("observe wrote(1);", "").replace("observe saw(x);", ""));
        CliTest.Result r = CliTest.run("diff", quiet.toString(), quiet.toString());
        assertEquals(Main.HOLDS, r.code(), r.all());
        assertTrue(r.out().contains("note: no step of either side observes anything"), r.out());
        clean(r);
    }

    @Test
    void limitsEndInExitThreeWithCounts() throws IOException {
        Path old = model("old.uffd", WAITS);
        CliTest.Result r = CliTest.run("diff", "--max-states", "2", old.toString(), old.toString());
        assertEquals(Main.BOUND, r.code(), r.all());
        assertTrue(r.out().contains("bound hit"), r.out());
        assertTrue(r.out().contains("stopped (--max-states) after 3 states"), r.out());
        clean(r);
    }

    @Test
    void mistakesExitTwoWithAReason() throws IOException {
        Path old = model("old.uffd", WAITS);
        Path other = model("other.uffd", WAITS.replace("scenario s {", "scenario t {"));
        CliTest.Result none = CliTest.run("diff", old.toString(), other.toString());
        assertEquals(Main.BAD_INPUT, none.code(), none.all());
        assertTrue(none.err().contains("have no scenario of the same name"), none.err());
        CliTest.Result unknown = CliTest.run("diff", "--scenario", "s", old.toString(), other.toString());
        assertEquals(Main.BAD_INPUT, unknown.code(), unknown.all());
        assertTrue(unknown.err().contains("unknown scenario 's' in " + other + "; it has: t"), unknown.err());
        CliTest.Result paired = CliTest.run("diff", "--scenario", "s", "--new-scenario", "t", old.toString(), other.toString());
        assertEquals(Main.HOLDS, paired.code(), paired.all());
        CliTest.Result alone = CliTest.run("diff", "--new-scenario", "t", old.toString(), other.toString());
        assertEquals(Main.BAD_INPUT, alone.code(), alone.all());
        Path bad = model("bad.uffd", WAITS.replace("x = 1;", "y = 1;"));
        CliTest.Result broken = CliTest.run("diff", old.toString(), bad.toString());
        assertEquals(Main.BAD_INPUT, broken.code(), broken.all());
        assertTrue(broken.err().contains(bad + ":"), broken.err());
        for (CliTest.Result r : new CliTest.Result[] {none, unknown, paired, alone, broken}) clean(r);
    }
}
