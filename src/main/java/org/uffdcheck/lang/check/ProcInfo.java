package org.uffdcheck.lang.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.lang.ast.Stmt;

/** A checked procedure: its variables (parameters first), its labels and whom it calls. */
public final class ProcInfo {
    public final String name;
    public final Type returnType;
    public final Stmt.Block body;
    public final int paramCount;
    public final List<Symbol.Local> vars = new ArrayList<>();
    public final Map<String, Stmt> labels = new LinkedHashMap<>();
    public final Set<ProcInfo> callees = new LinkedHashSet<>();

    public ProcInfo(String name, Type returnType, Stmt.Block body, int paramCount) {
        this.name = name;
        this.returnType = returnType;
        this.body = body;
        this.paramCount = paramCount;
    }

    Symbol.Local addVar(String n, Type t, org.uffdcheck.lang.Span span) {
        Symbol.Local l = new Symbol.Local(n, t, span, vars.size());
        vars.add(l);
        return l;
    }

    public List<Symbol.Local> params() { return vars.subList(0, paramCount); }

    @Override
    public String toString() { return name; }
}
