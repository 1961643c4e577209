package org.uffdcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.Engine;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.explore.Explorer;
import org.uffdcheck.explore.Progress;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.props.ScenarioChecks;

/** Loads, checks and compiles a model file, and explores its scenarios. */
final class ModelRunner {
    private ModelRunner() {}

    /** Throws ModelError for any mistake in the file or its includes. */
    static CheckedModel load(Path file) {
        return load(file, List.of());
    }

    /** Throws ModelError for any mistake in the file or its includes, which may also come from includePath. */
    static CheckedModel load(Path file, List<Path> includePath) {
        return Checker.check(ModelLoader.load(file, file.toString(), includePath));
    }

    /** Why a model that loaded has no scenario to run, in plain words. */
    static String noScenario(Path file, CheckedModel m) {
        if (m.program.main().source().text().isBlank()) return file + " is empty: there is no scenario to check";
        if (m.program.main().decls().isEmpty()) return file + " holds only comments: there is no scenario to check";
        return file + " declares no scenario, so there is nothing to check (a library is checked through the models "
                + "that include it)";
    }

    /** The scenarios to run: the one named, or all of them. Null if the name is unknown. */
    static List<ScenarioInfo> select(CheckedModel m, String name) {
        if (name == null) return new ArrayList<>(m.scenarios.values());
        ScenarioInfo s = m.scenarios.get(name);
        return s == null ? null : List.of(s);
    }

    /** Options from the command line, with the scenario's own bounds where the command gives none. */
    static ExploreOptions optionsFor(ExploreOptions base, ScenarioInfo s) {
        ExploreOptions o = base;
        if (o.maxStates() == 0 && s.maxStates() > 0) o = o.withMaxStates(s.maxStates());
        if (o.maxDepth() == 0 && s.maxDepth() > 0) o = o.withMaxDepth(s.maxDepth());
        return o;
    }

    /** A prepared search, so that Ctrl-C can reach the explorer while it runs. */
    record Run(CompiledScenario scenario, Explorer explorer) {
        ExploreResult go() { return explorer.run(); }
    }

    static Run prepare(CheckedModel m, ScenarioInfo s, ExploreOptions base, java.util.function.Consumer<Progress> progress) {
        return prepare(m, s, base, progress, Reductions.NONE);
    }

    static Run prepare(CheckedModel m, ScenarioInfo s, ExploreOptions base, java.util.function.Consumer<Progress> progress,
                       Reductions reductions) {
        return prepare(m, s, base, progress, reductions, null);
    }

    static Run prepare(CheckedModel m, ScenarioInfo s, ExploreOptions base, java.util.function.Consumer<Progress> progress,
                       Reductions reductions, Fairness fairness) {
        return prepare(m, s, base, progress, reductions, fairness, Engine.DEFAULT);
    }

    /**
     * fairness, when not null, overrides the scenario's own. Throws ModelError, located at the
     * property, when the scenario checks a liveness property under options that cannot judge it.
     */
    static Run prepare(CheckedModel m, ScenarioInfo s, ExploreOptions base, java.util.function.Consumer<Progress> progress,
                       Reductions reductions, Fairness fairness, Engine engine) {
        ExploreOptions opts = optionsFor(base, s);
        livenessCheckable(m, s, opts, reductions);
        CompiledScenario cs = Compiler.compile(m, s, reductions).engine(engine);
        Explorer ex = new Explorer(cs, new ScenarioChecks(cs), opts);
        ex.fairness(fairness == null ? s.fairness() : fairness);
        if (progress != null) ex.onProgress(progress);
        return new Run(cs, ex);
    }

    /**
     * Liveness is judged on the whole unreduced graph: symmetry merges states whose threads differ
     * in name, so a cycle of the quotient need not be a run in which the same thread starves, and
     * merged local steps change which states a thread's moves leave from, and so where it is enabled.
     */
    private static void livenessCheckable(CheckedModel m, ScenarioInfo s, ExploreOptions o, Reductions r) {
        String why = r.symmetry() ? "--symmetry" : r.mergeLocal() ? "--merge-local"
                : o.mode() == ExploreOptions.Mode.DFS ? "--dfs" : o.mode() == ExploreOptions.Mode.SIMULATE ? "--simulate"
                : o.bitstate() ? "--bitstate" : null;
        if (why == null) return;
        Diagnostics diags = new Diagnostics();
        for (String name : s.checks()) {
            Decl.Property p = m.properties.get(name);
            if (p == null || !p.kind().liveness()) continue;
            diags.error(p.name().span(), "scenario " + s.name() + " checks " + p.kind().keyword() + " " + name
                    + ", which " + why + " cannot judge: liveness needs the exhaustive breadth-first search of the "
                    + "unreduced graph");
        }
        if (diags.hasErrors()) throw new ModelError(diags);
    }

    /** Whether a result is what the scenario declares. */
    static boolean matches(ScenarioInfo.Expectation e, ExploreResult r) {
        if (e.holds()) return r.status() == ExploreResult.Status.HOLDS;
        return r.status() == ExploreResult.Status.VIOLATION && e.property().equals(r.property());
    }

    /** The verdict in the words the expect line uses. */
    static String verdict(ExploreResult r) {
        return switch (r.status()) {
            case HOLDS -> "holds";
            case VIOLATION -> "violation " + r.property();
            case BOUND_REACHED -> "bound hit (" + Report.show(r.bound()) + ")";
            case INTERRUPTED -> "interrupted";
            case NO_VIOLATION_FOUND -> r.coverage() != null ? "no violation found (" + r.coverage() + ")" : "no violation found";
        };
    }
}
