package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.lang.Nesting;
import picocli.CommandLine;

/**
 * The command's last line of defence: if its stack runs out anyway (here, because the test gives it
 * far less than main does), the user gets a clean error and exit 2, not a stack trace.
 */
class MainStackTest {
    @TempDir
    Path dir;

    @Test
    void aStackOverflowBecomesACleanError() throws IOException, InterruptedException {
        int deep = Nesting.LIMIT - 2;
        Path model = dir.resolve("deep.uffd");
        // Statements and, inside them, an expression, each nested as deep as allowed: the parser
        // alone then needs several thousand frames.
        Files.writeString(model, "var x: int[0..7];\nproc p() { " + "if (x == 0) { ".repeat(deep)
                + "x = " + "(x + ".repeat(deep) + "0" + ")".repeat(deep) + ";" + " }".repeat(deep)
                + " }\ninvariant ok: true;\nscenario s { thread t = p(); expect holds; }\n");
        String[] args = {"check", model.toString()};
        // Once with an ordinary stack, so that no class is first loaded while the stack is exhausted.
        assertEquals(Main.HOLDS, Main.execute(Main.commandLine(), args));

        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread tiny = new Thread(null, () -> {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            code[0] = Main.execute(cl, args);
        }, "tiny-stack", 64 << 10);
        tiny.start();
        tiny.join();
        assertEquals(Main.BAD_INPUT, code[0], err.toString());
        assertTrue(err.toString().contains("error: the model is nested too deeply for the checker"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
