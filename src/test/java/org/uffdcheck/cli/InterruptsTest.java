package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C, sent as a real SIGINT to a real process: the search stops, says how far it got, exits 3. */
class InterruptsTest {
    /** About 2^31 states in a line: a search that runs far longer than the test waits. */
    private static final String FOREVER = """
            var n: int[0..2147483646];

            proc count() {
                while (true) {
                    n = n + 1;
                }
            }

            scenario forever {
                thread t = count();
                expect holds;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void ctrlCPrintsHowFarTheSearchGotAndExitsThree() throws Exception {
        Path model = dir.resolve("forever.uffd");
        Files.writeString(model, FOREVER);
        Path log = dir.resolve("check.log");
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", model.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            awaitProgressLine(p, log);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running after SIGINT");
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(Main.BOUND, p.exitValue(), out);
            assertTrue(out.contains("scenario forever: interrupted"), out);
            assertTrue(out.contains("reached so far: "), out);
            assertFalse(out.contains("Exception"), out);
        } finally {
            p.destroyForcibly();
        }
    }

    /** The progress line, printed every few seconds, says the search is running and Ctrl-C is handled. */
    private static void awaitProgressLine(Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains("... ")) return;
            if (!p.isAlive()) fail("ended early: " + out);
            Thread.sleep(100);
        }
        fail("no progress line in 120 s: " + Files.readString(log, StandardCharsets.UTF_8));
    }
}
