package org.uffdcheck.lang.check;

import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Stmt;

/** Checks the body of one procedure (or of a scenario's init block). */
final class StmtChecker extends ExprChecker {
    private final ProcInfo proc;
    private final TypeResolver types;
    private int loops;
    /** A scenario's init block: it builds the start state, which is no step, so it observes nothing. */
    boolean inInit;

    StmtChecker(Names names, CheckedModel out, Diagnostics diags, ProcInfo proc, TypeResolver types, int boundSlots) {
        super(names, out, diags);
        this.proc = proc;
        this.types = types;
        this.boundSlots = boundSlots;
        this.caller = proc;
        for (Symbol.Local p : proc.params()) scope.declare(p.name(), p);
    }

    static boolean isLvalue(Expr e) {
        if (e instanceof Expr.Name) return true;
        if (e instanceof Expr.Field f) return isLvalue(f.target());
        if (e instanceof Expr.Index i) return isLvalue(i.target());
        return false;
    }

    /** A whole body: its statements, then its gotos, once every label in it is known. */
    void body(Stmt.Block b) {
        block(b);
        Gotos.check(b, proc.name, diags, out);
    }

    void block(Stmt.Block b) {
        scope.push();
        for (Stmt s : b.stmts()) stmt(s);
        scope.pop();
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Block b) block(b);
        else if (s instanceof Stmt.Local l) local(l);
        else if (s instanceof Stmt.StackVar v) stackVar(v);
        else if (s instanceof Stmt.Assign a) assign(a.target(), a.value());
        else if (s instanceof Stmt.Call c) callStmt(c);
        else if (s instanceof Stmt.If i) {
            ifCondition(i.cond());
            block(i.then());
            if (i.orElse() != null) stmt(i.orElse());
        } else if (s instanceof Stmt.While w) {
            expect(w.cond(), new Type.Bool(), "condition of while");
            loop(w.body());
        } else if (s instanceof Stmt.For f) forLoop(f);
        else if (s instanceof Stmt.Atomic a) block(a.body());
        else if (s instanceof Stmt.Await a) expect(a.cond(), new Type.Bool(), "condition of await");
        else if (s instanceof Stmt.Either e) {
            for (Stmt.Block b : e.branches()) block(b);
        } else if (s instanceof Stmt.Select sel) select(sel);
        else if (s instanceof Stmt.Assert a) expect(a.cond(), new Type.Bool(), "assertion");
        else if (s instanceof Stmt.Return r) ret(r);
        else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            if (loops == 0) diags.error(s.span(), (s instanceof Stmt.Break ? "break" : "continue") + " outside a loop");
        } else if (s instanceof Stmt.Labeled l) {
            if (proc.labels.containsKey(l.label().name())) {
                diags.error(l.label().span(), "duplicate label '" + l.label().name() + "' in " + proc.name);
            } else {
                proc.labels.put(l.label().name(), l.stmt());
            }
            stmt(l.stmt());
        } else if (s instanceof Stmt.Observe o) {
            observe(o);
        } else if (!(s instanceof Stmt.Skip || s instanceof Stmt.Goto)) {
            throw new AssertionError(s);
        }
    }

    private void observe(Stmt.Observe o) {
        if (inInit) diags.error(o.span(), "observe in a scenario's init block: the init code is no step, so nothing sees it");
        java.util.List<Type> types = new java.util.ArrayList<>();
        for (Expr a : o.args()) {
            Type t = check(a);
            if (t != null && !(t instanceof Type.Int || t instanceof Type.Bool || t instanceof Type.Enum || t instanceof Type.Task)) {
                diags.error(a.span(), "an observation's arguments are int, bool, enum or task values, found " + t.show());
                t = null;
            }
            types.add(t);
        }
        Observations.Signature first = out.observations.putIfAbsent(o.name().name(), new Observations.Signature(o, types));
        if (first != null) first.agree(o, types, diags);
    }

    private void local(Stmt.Local l) {
        Type t = types.resolve(l.type());
        String n = l.name().name();
        if (scope.lookup(n) instanceof Symbol.Local) {
            diags.error(l.name().span(), "'" + n + "' is already declared in " + proc.name);
        }
        if (t != null && l.init() != null) valueFor(t, l.init(), "initial value of " + n);
        else if (l.init() != null) check(l.init());
        if (t instanceof Type.RwSem || t instanceof Type.SpinLock) {
            diags.error(l.type().span(), "a lock must be shared: declare it as a global or a struct field");
        }
        if (t == null) return;
        Symbol.Local sym = proc.addVar(n, t, l.name().span());
        scope.declare(n, sym);
        out.declared.put(l, sym);
    }

    private void stackVar(Stmt.StackVar v) {
        Type t = types.resolve(v.type());
        if (t == null) return;
        if (!(t instanceof Type.Struct st)) {
            diags.error(v.type().span(), "a stack object must be a struct, found " + t.show());
            return;
        }
        String n = v.name().name();
        if (scope.lookup(n) instanceof Symbol.Local) {
            diags.error(v.name().span(), "'" + n + "' is already declared in " + proc.name);
        }
        out.allocated.add(st.name());
        Symbol.Local sym = proc.addVar(n, new Type.Pointer(st.name()), v.name().span());
        scope.declare(n, sym);
        out.declared.put(v, sym);
    }

    private void assign(Expr target, Expr value) {
        Type t = check(target);
        if (!isLvalue(target)) {
            diags.error(target.span(), "cannot assign to this expression");
        } else if (target instanceof Expr.Name n) {
            Symbol s = out.symbolOf(n);
            if (s instanceof Symbol.Const || s instanceof Symbol.EnumMember) {
                diags.error(target.span(), "'" + n.ident().name() + "' is a constant");
            } else if (s instanceof Symbol.Bound) {
                diags.error(target.span(), "'" + n.ident().name() + "' is a quantifier variable");
            }
        }
        if (t instanceof Type.RwSem || t instanceof Type.SpinLock) {
            diags.error(target.span(), "locks change only through their operations (down_write, spin_lock, ...)");
            return;
        }
        if (t == null) {
            check(value);
            return;
        }
        valueFor(t, value, "assignment");
    }

    /** An initial or assigned value: may be a call whose result is stored. */
    private void valueFor(Type want, Expr value, String what) {
        Type got = value instanceof Expr.Call c ? call(c, true) : check(value);
        if (got instanceof Type.Void && out.callee((Expr.Call) value) instanceof Builtin b) {
            diags.error(value.span(), b.spelling + " has no value to store");
            return;
        }
        if (got instanceof Type.Void) {
            diags.error(value.span(), "'" + ((Expr.Call) value).callee().name() + "' returns no value");
        } else if (got != null && !Type.assignable(want, got)) {
            diags.error(value.span(), what + ": expected " + want.show() + ", found " + got.show());
        } else if (got != null && want instanceof Type.Int w && w.bounded()) {
            Integer v = constValue(value);
            if (v != null && (v < w.lo() || v > w.hi())) {
                diags.error(value.span(), "value " + v + " is out of range for " + w.show());
            }
        }
        if (value instanceof Expr.Call) out.types.put(value, got);
    }

    void initialValue(Type want, Expr value, String what) {
        if (value instanceof Expr.Call) check(value);
        else valueFor(want, value, what);
    }

    /** if (should_fail(NAME)) is the one place a state-changing built-in may be a condition. */
    private void ifCondition(Expr cond) {
        if (isShouldFail(cond)) valueFor(new Type.Bool(), cond, "condition of if");
        else expect(cond, new Type.Bool(), "condition of if");
    }

    static boolean isShouldFail(Expr e) {
        return e instanceof Expr.Call c && c.callee().name().equals(Builtin.SHOULD_FAIL.spelling);
    }

    private void callStmt(Stmt.Call c) {
        Type t = call(c.call(), true);
        if (t != null) out.types.put(c.call(), t);
        if (out.callee(c.call()) instanceof Builtin b && !b.effect) {
            diags.error(c.span(), b.spelling + "(...) has no effect as a statement");
        }
    }

    private void loop(Stmt.Block body) {
        loops++;
        block(body);
        loops--;
    }

    private void forLoop(Stmt.For f) {
        Type vt = domain(f.domain());
        scope.push();
        if (vt != null) {
            Symbol.Local v = proc.addVar(f.var().name(), vt, f.var().span());
            scope.declare(f.var().name(), v);
            out.declared.put(f, v);
        }
        out.forCounters.put(f, proc.addVar("#" + f.var().name(), Type.Int.ANY, f.var().span()));
        loop(f.body());
        scope.pop();
    }

    private void select(Stmt.Select sel) {
        Type t = check(sel.target());
        if (!isLvalue(sel.target())) diags.error(sel.target().span(), "cannot assign to this expression");
        if (t != null && !(t instanceof Type.Int)) {
            diags.error(sel.target().span(), "select needs an int variable, found " + t.show());
        }
        expect(sel.range().lo(), Type.Int.ANY, "start of range");
        expect(sel.range().hi(), Type.Int.ANY, "end of range");
    }

    private void ret(Stmt.Return r) {
        if (proc.returnType instanceof Type.Void) {
            if (r.value() != null) diags.error(r.value().span(), proc.name + " returns no value");
        } else if (r.value() == null) {
            diags.error(r.span(), proc.name + " must return a value of type " + proc.returnType.show());
        } else {
            expect(r.value(), proc.returnType, "return value");
        }
    }

    int boundSlots() { return boundSlots; }
}
