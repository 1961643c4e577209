package org.uffdcheck.lang.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.Program;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Stmt;

/**
 * A model that passed every check, with what the compiler needs to lower it: the type of every
 * expression and what every name and call resolves to.
 */
public final class CheckedModel {
    public final Program program;
    public final List<Symbol.Global> globals;
    public final Map<String, Decl.Global> globalDecls;
    public final Map<String, ProcInfo> procs;
    public final Map<String, Decl.Property> properties;
    public final Map<String, ScenarioInfo> scenarios;
    /** Every observation name the model uses, with its arguments' kinds as first written. */
    public final Map<String, Observations.Signature> observations = new java.util.LinkedHashMap<>();
    /** Size of the scratch area that forall/exists variables use. */
    int boundSlots;

    final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>();
    final IdentityHashMap<Expr, Symbol> names = new IdentityHashMap<>();
    final IdentityHashMap<Expr.Call, Object> calls = new IdentityHashMap<>();
    final IdentityHashMap<Object, Symbol> declared = new IdentityHashMap<>();
    final IdentityHashMap<Stmt.For, Symbol.Local> forCounters = new IdentityHashMap<>();
    final IdentityHashMap<Stmt.Goto, List<Stmt.For>> forsLeft = new IdentityHashMap<>();
    /** Struct types that are allocated (kmalloc or stack), each needing a pool. */
    final java.util.Set<String> allocated = new java.util.LinkedHashSet<>();
    /** Kinds of failure that some should_fail(NAME) asks about, so that inject lines can be checked. */
    final java.util.Set<String> failKinds = new java.util.LinkedHashSet<>();
    /** Pool sizes by struct name. */
    public final Map<String, Integer> pools = new java.util.LinkedHashMap<>();
    /** Locks that no thread may hold while it waits for user space. */
    public final java.util.List<ForbiddenLock> forbidden = new java.util.ArrayList<>();

    /** A global rwsem (struct null), or a field of every object of a struct. */
    public record ForbiddenLock(Symbol.Global global, String struct, Type.Field field, org.uffdcheck.lang.Span span) {}

    CheckedModel(Program program, List<Symbol.Global> globals, Map<String, Decl.Global> globalDecls,
                 Map<String, ProcInfo> procs, Map<String, Decl.Property> properties,
                 Map<String, ScenarioInfo> scenarios, int boundSlots) {
        this.program = program;
        this.globals = globals;
        this.globalDecls = globalDecls;
        this.procs = procs;
        this.properties = properties;
        this.scenarios = scenarios;
        this.boundSlots = boundSlots;
    }

    public int boundSlots() { return boundSlots; }

    /** A struct, enum or built-in type by name. */
    public Type typeNamed(String name) { return typeTable.get(name); }

    final Map<String, Type> typeTable = new java.util.HashMap<>();

    public Type typeOf(Expr e) { return types.get(e); }

    /** The symbol a Name expression refers to. */
    public Symbol symbolOf(Expr.Name e) { return names.get(e); }

    /** The task variable t of t@label, or null when t names a scenario thread. */
    public Symbol taskVariableOf(Expr.At e) { return names.get(e); }

    /** A ProcInfo or a Builtin. */
    public Object callee(Expr.Call c) { return calls.get(c); }

    /** The variable a local declaration, for loop or quantifier introduces. */
    public Symbol declaredBy(Object node) { return declared.get(node); }

    /** The hidden iteration counter of a for loop. */
    public Symbol.Local counterOf(Stmt.For f) { return forCounters.get(f); }

    /** The for loops a goto jumps out of, innermost first. */
    public List<Stmt.For> forsLeftBy(Stmt.Goto g) { return forsLeft.getOrDefault(g, List.of()); }
}
