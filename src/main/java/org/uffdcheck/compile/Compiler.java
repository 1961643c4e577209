package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ProcInfo;
import org.uffdcheck.lang.check.ScenarioInfo;

/** Lowers one scenario of a checked model to a transition system. */
public final class Compiler {
    private Compiler() {}

    /** Compiles with no reduction. */
    public static CompiledScenario compile(CheckedModel model, ScenarioInfo scenario) {
        return compile(model, scenario, Reductions.NONE);
    }

    public static CompiledScenario compile(CheckedModel model, ScenarioInfo scenario, Reductions reductions) {
        Diagnostics diags = new Diagnostics();
        Layout layout = new Layout(model, scenario);
        ExprCompiler ec = new ExprCompiler(model, layout, scenario, diags);
        CodeGen gen = new CodeGen(model, layout, ec, diags);
        for (ProcInfo p : model.procs.values()) gen.proc(p, List.of());
        gen.proc(scenario.init(), globalInitialisers(model));

        List<CompiledScenario.Check> invariants = new ArrayList<>();
        List<CompiledScenario.Check> reachables = new ArrayList<>();
        List<CompiledScenario.Live> lives = new ArrayList<>();
        ec.proc = null;
        ec.nodes = new PropertyNodes();
        for (String name : scenario.checks()) {
            Decl.Property p = model.properties.get(name);
            if (p == null) continue;
            if (p.kind().liveness()) {
                lives.add(new CompiledScenario.Live(name, p.premise() == null ? null : ec.scalar(p.premise()), ec.scalar(p.expr())));
                continue;
            }
            CompiledScenario.Check c = new CompiledScenario.Check(name, ec.scalar(p.expr()));
            (p.kind() == Decl.PropertyKind.INVARIANT ? invariants : reachables).add(c);
        }
        gen.code.seal();
        Layout.Pool[] pools = layout.pools.values().toArray(new Layout.Pool[0]);
        for (Op op : gen.code.ops) {
            if (op instanceof CallOps.Return r) r.stackPools = pools;
        }
        for (ExprCompiler.PendingAt pa : ec.pendingAt) {
            List<Integer> pcs = gen.labelPcs.getOrDefault(pa.label(), List.of());
            int[] arr = new int[pcs.size()];
            for (int i = 0; i < arr.length; i++) arr[i] = pcs.get(i);
            pa.node().pcs = arr;
        }
        if (diags.hasErrors()) throw new ModelError(diags);
        // A thread a property names (t@label) is told apart from the others: symmetry leaves it be.
        boolean[] named = new boolean[scenario.threads().size()];
        for (ExprCompiler.PendingAt pa : ec.pendingAt) {
            for (int t = 0; t < named.length; t++) if (layout.threadBase[t] == pa.node().pcSlot) named[t] = true;
        }
        int[] initial = InitRunner.run(gen.code, layout, scenario, diags);
        if (diags.hasErrors()) throw new ModelError(diags);
        return new CompiledScenario(model, scenario, layout, gen.code, initial, gen.endPcs, invariants, reachables, lives, named, ec.nodes,
                reductions);
    }

    /** Global initialisers run as the first statements of the scenario's init code. */
    private static List<Decl.Global> globalInitialisers(CheckedModel model) {
        List<Decl.Global> out = new ArrayList<>();
        for (Decl.Global g : model.globalDecls.values()) {
            if (g.init() != null) out.add(g);
        }
        return out;
    }
}
