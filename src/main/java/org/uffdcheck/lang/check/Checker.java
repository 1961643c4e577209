package org.uffdcheck.lang.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.Program;
import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.ModelFile;

/** Checks a whole program: names, types, procedures, properties and scenarios. */
public final class Checker {
    private final Diagnostics diags = new Diagnostics();
    private final Names names = new Names();
    private final TypeResolver types = new TypeResolver(names, diags);
    private final Map<String, Span> declaredAt = new LinkedHashMap<>();
    private final List<Symbol.Global> globals = new ArrayList<>();
    private final Map<String, Decl.Global> globalDecls = new LinkedHashMap<>();
    private final Map<String, ProcInfo> procs = new LinkedHashMap<>();
    private final Map<String, Decl.Proc> procDecls = new LinkedHashMap<>();
    private final Map<String, Decl.Property> properties = new LinkedHashMap<>();
    private final List<Decl.Scenario> scenarioDecls = new ArrayList<>();
    private CheckedModel out;
    private int boundSlots;
    /** Slots of the state every scenario has: the fault slot, the globals and the pools. */
    private long sharedSlots = 1;

    /** The predeclared enum of task states, as in the kernel. */
    static final String TASK_STATE = "task_state";
    static final List<String> TASK_STATES = List.of("TASK_RUNNING", "TASK_INTERRUPTIBLE", "TASK_UNINTERRUPTIBLE", "TASK_KILLABLE");

    private Checker() {}

    /** Returns the checked model, or throws ModelError with every mistake found. */
    public static CheckedModel check(Program program) {
        return new Checker().run(program);
    }

    private CheckedModel run(Program program) {
        List<Decl> all = new ArrayList<>();
        for (ModelFile f : program.files()) all.addAll(f.decls());
        out = new CheckedModel(program, globals, globalDecls, procs, properties, new LinkedHashMap<>(), 0);

        predeclare();
        for (Decl d : all) {
            if (d instanceof Decl.Struct s) names.structs.add(s.name().name());
        }
        List<Decl.Const> consts = new ArrayList<>();
        for (Decl d : all) {
            if (d instanceof Decl.Enum e) enumDecl(e);
            else if (d instanceof Decl.Const c && declare(c.name().name(), c.name().span())) consts.add(c);
        }
        new ConstResolver(names, diags, types).resolve(consts, all);
        new StructResolver(names, diags, types, this::declare).resolve(all);
        for (Decl d : all) {
            if (d instanceof Decl.Global g) globalDecl(g);
            else if (d instanceof Decl.Proc p) procSignature(p);
            else if (d instanceof Decl.Property p) {
                if (declare(p.name().name(), p.name().span())) {
                    properties.put(p.name().name(), p);
                    names.properties.add(p.name().name());
                    if (p.kind().liveness()) names.liveness.add(p.name().name());
                }
            } else if (d instanceof Decl.Scenario s) scenarioDecls.add(s);
        }
        for (Decl d : all) {
            if (d instanceof Decl.Pool p) pool(p);
            else if (d instanceof Decl.ForbidUserWait f) forbid(f);
        }
        Labels.collect(procDecls.values(), names.labels);
        globalInits();
        for (Decl.Proc p : procDecls.values()) {
            StmtChecker sc = new StmtChecker(names, out, diags, procs.get(p.name().name()), types, boundSlots);
            sc.body(p.body());
            boundSlots = sc.boundSlots();
            frameFits(p);
        }
        for (Decl.Property p : properties.values()) {
            ExprChecker ec = new ExprChecker(names, out, diags);
            ec.boundSlots = boundSlots;
            if (p.premise() != null) ec.expect(p.premise(), new Type.Bool(), "leadsto " + p.name().name() + "'s premise");
            ec.expect(p.expr(), new Type.Bool(), p.kind().keyword() + " " + p.name().name());
            boundSlots = ec.boundSlots;
        }
        Recursion.report(procs.values(), procDecls, diags);
        for (String t : out.allocated) {
            if (!out.pools.containsKey(t) && !names.broken.contains(t)) {
                diags.error(declaredAt.get(t), "struct " + t + " is allocated but has no pool: declare pool " + t + "[N];");
            }
        }
        ScenarioChecker sch = new ScenarioChecker(names, out, diags, types, boundSlots);
        for (Decl.Scenario s : scenarioDecls) sch.check(s);
        boundSlots = sch.boundSlots();
        if (diags.hasErrors()) throw new ModelError(diags);
        out.scenarios.putAll(sch.scenarios());
        out.typeTable.putAll(names.types);
        out.boundSlots = boundSlots;
        return out;
    }

    /** Names every model has: null, current, task and refcount types, and the task states. */
    private void predeclare() {
        names.types.put("task", new Type.Task());
        names.types.put("refcount", new Type.Refcount());
        names.types.put("atomic_t", new Type.Atomic());
        names.values.put("null", new Symbol.Const("null", new Type.Null(), 0));
        names.values.put("current", new Symbol.Current("current", new Type.Task()));
        Type.Enum ts = new Type.Enum(TASK_STATE, TASK_STATES);
        names.types.put(TASK_STATE, ts);
        for (int i = 0; i < TASK_STATES.size(); i++) {
            names.values.put(TASK_STATES.get(i), new Symbol.EnumMember(TASK_STATES.get(i), ts, i));
        }
    }

    /** A pool rejected for its size still counts as declared: kmalloc of its struct is not reported again. */
    private void pool(Decl.Pool p) {
        String t = p.type().name();
        Integer n = types.constant(p.size(), "pool size");
        if (names.broken.contains(t)) return;
        if (n == null) names.broken.add(t);
        if (!(names.types.get(t) instanceof Type.Struct st)) {
            diags.error(p.type().span(), "pool of unknown struct '" + t + "'");
        } else if (out.pools.containsKey(t)) {
            diags.error(p.type().span(), "struct " + t + " already has a pool");
        } else if (n != null && (n < 1 || n > TypeResolver.MAX_ELEMENTS)) {
            diags.error(p.size().span(), "pool size must be between 1 and " + TypeResolver.MAX_ELEMENTS + ", found " + n);
            names.broken.add(t);
        } else if (n != null && !Sizes.fits((1L + st.slots()) * n)) {
            diags.error(p.span(), "pool " + t + "[" + n + "] (1 + " + st.slots() + " slots per object) needs "
                    + Sizes.over((1L + st.slots()) * n));
            names.broken.add(t);
        } else if (n != null && share((1L + st.slots()) * n)) {
            out.pools.put(t, n);
        } else if (n != null) {
            diags.error(p.span(), "with pool " + t + ", the globals and pools need " + Sizes.over(sharedSlots));
            names.broken.add(t);
        }
    }

    private void forbid(Decl.ForbidUserWait f) {
        var path = f.path();
        if (path.size() == 1) {
            Symbol s = names.values.get(path.get(0).name());
            if (s instanceof Symbol.Global g && g.type() instanceof Type.RwSem) {
                out.forbidden.add(new CheckedModel.ForbiddenLock(g, null, null, f.span()));
            } else {
                diags.error(path.get(0).span(), "forbid_user_wait needs a global rwsem or Struct.field, found '"
                        + path.get(0).name() + "'");
            }
            return;
        }
        Type t = names.types.get(path.get(0).name());
        if (path.size() != 2 || !(t instanceof Type.Struct st)) {
            diags.error(f.span(), "forbid_user_wait needs a global rwsem or Struct.field");
            return;
        }
        Type.Field fd = st.field(path.get(1).name());
        if (fd == null || !(fd.type() instanceof Type.RwSem)) {
            diags.error(path.get(1).span(), "struct " + st.name() + " has no rwsem field '" + path.get(1).name() + "'");
            return;
        }
        out.forbidden.add(new CheckedModel.ForbiddenLock(null, st.name(), fd, f.span()));
    }

    /** Records a top-level name; reports and returns false if it is taken. */
    private boolean declare(String name, Span span) {
        Span prev = declaredAt.putIfAbsent(name, span);
        if (prev != null) {
            diags.error(span, "'" + name + "' is already declared at " + prev.where());
            return false;
        }
        if (Builtin.named(name) != null) {
            diags.error(span, "'" + name + "' is a built-in");
            return false;
        }
        return true;
    }

    private void enumDecl(Decl.Enum e) {
        if (!declare(e.name().name(), e.name().span())) return;
        List<String> members = new ArrayList<>();
        for (var m : e.members()) members.add(m.name());
        Type.Enum t = new Type.Enum(e.name().name(), List.copyOf(members));
        names.types.put(t.name(), t);
        for (int i = 0; i < e.members().size(); i++) {
            var m = e.members().get(i);
            if (declare(m.name(), m.span())) names.values.put(m.name(), new Symbol.EnumMember(m.name(), t, i));
        }
    }

    private void globalDecl(Decl.Global g) {
        Type t = types.resolve(g.type());
        if (!declare(g.name().name(), g.name().span())) return;
        if (t != null && !share(t.slots())) {
            diags.error(g.name().span(), "with " + g.name().name() + ", the globals need " + Sizes.over(sharedSlots));
            t = null;
        }
        if (t == null) {
            names.broken.add(g.name().name());
            return;
        }
        Symbol.Global s = new Symbol.Global(g.name().name(), t, g.name().span(), globals.size());
        globals.add(s);
        globalDecls.put(s.name(), g);
        names.values.put(s.name(), s);
        out.declared.put(g, s);
    }

    /** A thread's stack holds whole frames, so the compiler can only lay out a frame that fits. */
    private void frameFits(Decl.Proc p) {
        long slots = 0;
        for (Symbol.Local v : procs.get(p.name().name()).vars) slots += v.type().slots();
        if (!Sizes.fits(slots)) {
            diags.error(p.name().span(), "the parameters and locals of " + p.name().name() + " need " + Sizes.over(slots));
        }
    }

    /** Adds to the shared state; false, once, when that passes the limit (later additions are quiet). */
    private boolean share(long slots) {
        boolean fitted = Sizes.fits(sharedSlots);
        sharedSlots += slots;
        return Sizes.fits(sharedSlots) || !fitted;
    }

    private void globalInits() {
        ProcInfo init = new ProcInfo("<global initialisers>", new Type.Void(), null, 0);
        StmtChecker sc = new StmtChecker(names, out, diags, init, types, boundSlots);
        for (Decl.Global g : globalDecls.values()) {
            if (g.init() == null) continue;
            Symbol.Global s = (Symbol.Global) out.declared.get(g);
            sc.initialValue(s.type(), g.init(), "initial value of " + s.name());
        }
        boundSlots = sc.boundSlots();
    }

    private void procSignature(Decl.Proc p) {
        Type ret = p.returnType() == null ? new Type.Void() : types.resolve(p.returnType());
        if (!declare(p.name().name(), p.name().span())) return;
        ProcInfo info = new ProcInfo(p.name().name(), ret == null ? new Type.Void() : ret, p.body(), p.params().size());
        for (Decl.Param prm : p.params()) {
            Type t = types.resolve(prm.type());
            if (t instanceof Type.RwSem || t instanceof Type.SpinLock) {
                diags.error(prm.type().span(), "a lock cannot be passed by value; use a global or a struct field");
            }
            for (Symbol.Local other : info.vars) {
                if (other.name().equals(prm.name().name())) {
                    diags.error(prm.name().span(), "duplicate parameter '" + prm.name().name() + "'");
                }
            }
            info.addVar(prm.name().name(), t == null ? Type.Int.ANY : t, prm.name().span());
        }
        procs.put(info.name, info);
        procDecls.put(info.name, p);
        names.procs.put(info.name, info);
    }
}
