package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainCommandsTest {

    @Test
    void everyCommandIsListedUnderItsOwnName() {
        for (Map.Entry<String, Supplier<Object>> c : Main.COMMANDS.entrySet()) {
            Object command = c.getValue().get();
            assertEquals(c.getKey(), command.getClass().getAnnotation(CommandLine.Command.class).name());
        }
        assertEquals(List.of("check", "test", "replay", "bench", "diff", "conform"), List.copyOf(Main.COMMANDS.keySet()));
    }

    @Test
    void aRunBuildsOnlyItsCommandAndHelpListsThemAll() {
        assertEquals(List.of("check"), List.copyOf(Main.commandLine("check").getSubcommands().keySet()));
        assertEquals(List.copyOf(Main.COMMANDS.keySet()), List.copyOf(Main.commandLine(null).getSubcommands().keySet()));
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine(null);
        cl.setOut(new PrintWriter(out));
        assertEquals(Main.HOLDS, Main.execute(cl, new String[] {"--help"}));
        for (String name : Main.COMMANDS.keySet()) assertTrue(out.toString().contains(name), out.toString());
    }

    @Test
    void theOneCommandBuiltKeepsTheSharedWritersAndHandler() {
        CommandLine cl = Main.commandLine("check");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, Main.execute(cl, new String[] {"check", "--no-such-option", "models/bench/f1-u1-m1-p1.uffd"}));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }
}
