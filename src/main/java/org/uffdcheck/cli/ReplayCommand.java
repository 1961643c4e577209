package org.uffdcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.trace.Counterexample;
import org.uffdcheck.trace.RaceDiagram;
import org.uffdcheck.trace.RecordedTrace;
import org.uffdcheck.trace.TextTrace;
import org.uffdcheck.trace.TraceReplay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** uffdcheck replay TRACE.json [MODEL]: does a recorded counterexample still break the model? */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-run a counterexample written by check --trace-json against a model as it is now, step by step, "
                + "and say whether it still reaches the violation or at which step it diverges and why.",
                "Steps are matched by thread name, procedure and statement text, not by line numbers, so an edited model "
                        + "(a patch) can be checked against the counterexample of the old one.",
                "Exit code 1: the violation is reproduced; 0: it is not (the trace diverges or no longer violates); "
                        + "2: an unreadable trace, a model with mistakes, an unknown scenario."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "Trace file (.json) written by check --trace-json.")
    Path traceFile;

    @Parameters(index = "1", paramLabel = "MODEL", arity = "0..1",
            description = "Model file to replay against (default: the model the trace names).")
    Path modelFile;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario to replay against (default: the trace's).")
    String scenario;

    @Mixin
    IncludeOptions includes = new IncludeOptions();

    @Option(names = "--full", description = "Show every step in the race diagram of a reproduced trace.")
    boolean full;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = includes.problem();
        if (problem != null) {
            err.println("uffdcheck: " + problem);
            return Main.BAD_INPUT;
        }
        if (Files.exists(traceFile) && !Files.isRegularFile(traceFile)) {
            // Reading a FIFO would block; a directory or a device is not a trace either.
            err.println("uffdcheck: cannot read " + traceFile + ": not a regular file");
            return Main.BAD_INPUT;
        }
        List<RecordedTrace> traces;
        try {
            traces = RecordedTrace.parse(Files.readString(traceFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("uffdcheck: cannot read " + traceFile + ": " + IoErrors.reason(e));
            return Main.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("uffdcheck: " + traceFile + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        int code = Main.HOLDS;
        for (RecordedTrace rec : traces) {
            String named = modelFile != null ? null : includes.namedModelProblem(rec.model());
            if (named != null) {
                err.println("uffdcheck: " + traceFile + ": " + named);
                return Main.BAD_INPUT;
            }
            Path model = modelFile != null ? modelFile : Path.of(rec.model());
            String name = scenario != null ? scenario : rec.scenario();
            CheckedModel m;
            try {
                m = ModelRunner.load(model, includes.dirs());
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                return Main.BAD_INPUT;
            }
            ScenarioInfo s = m.scenarios.get(name);
            if (s == null) {
                err.println("uffdcheck: " + (m.scenarios.isEmpty() ? "no scenario '" + name + "': " + ModelRunner.noScenario(model, m)
                        : model + " has no scenario '" + name + "'; it has: " + String.join(", ", m.scenarios.keySet())));
                return Main.BAD_INPUT;
            }
            CompiledScenario cs;
            try {
                cs = Compiler.compile(m, s);
            } catch (ModelError e) {
                err.print(e.diagnostics().render());
                return Main.BAD_INPUT;
            }
            TraceReplay.Outcome o = new TraceReplay(cs).replay(rec);
            out.printf("replay of %s in scenario %s (%d steps)%n  against %s, scenario %s:%n", rec.property(), rec.scenario(),
                    rec.steps().size(), model, name);
            out.print(wrap(o.reproduced() ? "REPRODUCED: " + o.verdict() : o.verdict(), "  "));
            for (String note : o.notes()) out.print(wrap("note: " + note, "  "));
            if (o.reproduced()) {
                out.println();
                out.print(RaceDiagram.render(Counterexample.of(cs, rec.property(), o.trace()), full));
                code = Main.VIOLATION;
            } else if (o.trace().length() > 0) {
                out.printf("  the %d step%s that replay:%n", o.trace().length(), o.trace().length() == 1 ? "" : "s");
                out.print(TextTrace.render(cs, o.trace()));
            }
            out.flush();
        }
        return code;
    }

    /** Words wrapped to 100 columns, every line indented. */
    static String wrap(String text, String indent) {
        StringBuilder sb = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 100) {
                sb.append(line).append('\n');
                line = new StringBuilder(indent + "  ");
            } else if (line.length() > indent.length() && !line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        return sb.append(line).append('\n').toString();
    }
}
