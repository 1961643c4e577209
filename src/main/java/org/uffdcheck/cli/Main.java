package org.uffdcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the uffdcheck command. */
@Command(name = "uffdcheck", mixinStandardHelpOptions = true, version = "uffdcheck 0.1",
        description = "Explicit-state model checker for the userfaultfd event protocol.",
        subcommands = {CheckCommand.class, TestCommand.class, ReplayCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every property holds (test: every model matches its expected verdict)",
            "1:a property is violated (test: some model differs from its expected verdict)",
            "2:bad input or usage: a model with mistakes (for every command), an unknown option or scenario, "
                    + "no models found (test)",
            "3:a bound (states, depth, time) was hit, or Ctrl-C stopped the search, before a verdict"})
public final class Main implements Runnable {
    public static final int HOLDS = 0;
    public static final int VIOLATION = 1;
    public static final int BAD_INPUT = 2;
    public static final int BOUND = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: check, test, replay or bench");
    }

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        // picocli's writers flush only on println; diagnostics are printed whole with print.
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // One pair of writers for every subcommand, so main can flush what they printed.
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("uffdcheck: internal error: " + ex);
            ex.printStackTrace(line.getErr());
            return 70;
        });
        return cl;
    }
}
