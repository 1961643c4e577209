package org.uffdcheck.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the uffdcheck command. */
@Command(name = "uffdcheck", mixinStandardHelpOptions = true, version = "uffdcheck 0.1",
        description = "Explicit-state model checker for the userfaultfd event protocol.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every property holds (test: every model matches its expected verdict)",
            "1:a property is violated (test: some model differs from its expected verdict)",
            "2:bad input or usage: a model with mistakes (for every command), an unknown option or scenario, "
                    + "no models found (test)",
            "3:a bound (states, depth, time, memory) was hit, or Ctrl-C stopped the search, before a verdict"})
public final class Main implements Runnable {
    public static final int HOLDS = 0;
    public static final int VIOLATION = 1;
    public static final int BAD_INPUT = 2;
    public static final int BOUND = 3;
    static final int INTERNAL_ERROR = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: check, test, replay, bench, diff or conform");
    }

    /**
     * Stack of the thread that runs the command. The parser bounds how deep syntax nests, but
     * chains between declarations (procedures calling procedures, structs holding structs) are
     * followed recursively too; with this stack, -Xss in the user's JVM options does not matter.
     * Reserved, not committed: the memory is only used as deep as a model makes the passes go.
     */
    static final long COMMAND_STACK_BYTES = 256L << 20;

    /**
     * The subcommands by name, in the order help lists them. Made only when wanted: picocli's
     * classes predate class-data sharing (Java 5 class files), so every run loads them from the jar,
     * and each command it builds costs reflection over its options.
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("check", CheckCommand::new);
        m.put("test", TestCommand::new);
        m.put("replay", ReplayCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("conform", ConformCommand::new);
        return m;
    }

    public static void main(String[] args) throws InterruptedException {
        // Stays so only if the command thread dies of something no handler caught.
        int[] code = {INTERNAL_ERROR};
        // A run names its command first; only that one is built (help and mistakes get them all).
        String only = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
        Thread command = new Thread(null, () -> code[0] = execute(commandLine(only), args), "uffdcheck", COMMAND_STACK_BYTES);
        command.start();
        command.join();
        System.exit(code[0]);
    }

    static int execute(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Outside a search (which reports this as its memory bound): loading, compiling, printing.
            cl.getErr().println("uffdcheck: out of memory (the Java heap is full); give the JVM more heap with "
                    + "UFFDCHECK_JAVA_OPTS=-Xmx8g");
            return BOUND;
        } catch (StackOverflowError e) {
            // Whatever still recursed past the stack above: a limit of this checker, not a crash.
            cl.getErr().println("uffdcheck: error: the model is nested too deeply for the checker (the stack ran out);"
                    + " see \"Limits\" in the language reference");
            return BAD_INPUT;
        } finally {
            // picocli's writers flush only on println; diagnostics are printed whole with print.
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** Public for the tests of other packages that drive a command as the user does. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line with the one subcommand named, or with all of them if only is null. */
    static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new Main());
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (only == null || only.equals(c.getKey())) cl.addSubcommand(c.getKey(), c.getValue().get());
        }
        // One pair of writers for every subcommand, so main can flush what they printed.
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("uffdcheck: internal error: " + ex);
            ex.printStackTrace(line.getErr());
            return INTERNAL_ERROR;
        });
        return cl;
    }
}
