package org.uffdcheck.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Stmt;
import org.uffdcheck.lang.check.Builtin;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ProcInfo;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * Lowers statements to instructions. Code is generated back to front: each statement is given the
 * pc that follows it, so control flow needs no jump instructions.
 */
final class CodeGen {
    private final CheckedModel model;
    private final Layout layout;
    private final ExprCompiler ec;
    private final Locality locality;
    final Code code = new Code();
    private final Jumps jumps;
    final Map<String, List<Integer>> labelPcs = new LinkedHashMap<>();
    final Set<Integer> endPcs = new HashSet<>();
    private final Deque<int[]> loops = new ArrayDeque<>();
    private Layout.ProcLayout proc;
    private int atomic;
    private int regions;

    CodeGen(CheckedModel model, Layout layout, ExprCompiler ec, Diagnostics diags) {
        this.jumps = new Jumps(code, diags);
        this.model = model;
        this.layout = layout;
        this.ec = ec;
        this.locality = new Locality(model);
    }

    /** Generates a procedure's body, ending in a free implicit return; sets its entry. */
    void proc(ProcInfo info, List<Decl.Global> initialised) {
        proc = layout.proc(info);
        ec.proc = proc;
        jumps.startProc();
        CallOps.Return end = add(new CallOps.Return(code, null, true, null), null, "return", 0);
        int entry = end.pc;
        if (info.body != null) entry = gen(info.body, entry);
        for (int i = initialised.size() - 1; i >= 0; i--) {
            Decl.Global g = initialised.get(i);
            Symbol.Global sym = (Symbol.Global) model.declaredBy(g);
            entry = store(new Addr.Fixed(layout.globalAddr[sym.index()]), sym.type(), g.init(), g.span(),
                    clipDecl(g), entry);
        }
        proc.entry = entry;
        for (Map.Entry<String, Integer> l : jumps.finish().entrySet()) label(l.getKey(), l.getValue());
    }

    private void label(String name, int pc) {
        labelPcs.computeIfAbsent(name, k -> new ArrayList<>()).add(pc);
        // A labelled statement is where thread@label and end states look: never merged away.
        if (pc != 0) code.list.get(pc).local = false;
        if (name.startsWith("end")) endPcs.add(pc);
        if (name.startsWith("user_wait") && pc != 0) code.list.get(pc).userWait = true;
    }

    private static String clipDecl(Decl.Global g) {
        return g.name().name() + " = " + g.init().span().text().replaceAll("\\s+", " ");
    }

    private <T extends Op> T add(T op, Span span, String text, int next) {
        code.add(op);
        op.proc = proc;
        op.span = span;
        op.text = text;
        op.next = next;
        op.atomic = atomic;
        return op;
    }

    /** Generates s; marks its instruction local when it touches only the thread's own frame. */
    private int gen(Stmt s, int next) {
        int before = code.list.size();
        int entry = genStmt(s, next);
        if (entry >= before && entry < code.list.size() && locality.local(s)) code.list.get(entry).local = true;
        return entry;
    }

    private int genStmt(Stmt s, int next) {
        if (s instanceof Stmt.Block b) {
            for (int i = b.stmts().size() - 1; i >= 0; i--) next = gen(b.stmts().get(i), next);
            return next;
        }
        if (s instanceof Stmt.Local l) return local(l, next);
        if (s instanceof Stmt.StackVar v) {
            Symbol.Local sym = (Symbol.Local) model.declaredBy(v);
            Layout.Pool pool = layout.pools.get(((Type.Pointer) sym.type()).target());
            proc.hasStackObjects = true;
            return add(new HeapOps.StackAlloc(pool, proc.varOffset[sym.index()]), v.span(), StmtText.of(v), next).pc;
        }
        if (s instanceof Stmt.Assign a) return assign(a.target(), a.value(), s, next);
        if (s instanceof Stmt.Call c) return call(c.call(), null, s.span(), StmtText.of(s), next);
        if (s instanceof Stmt.If i) {
            if (i.cond() instanceof Expr.Call c && model.callee(c) == Builtin.SHOULD_FAIL) return injectIf(i, c, next);
            int then = gen(i.then(), next);
            int orElse = i.orElse() == null ? next : gen(i.orElse(), next);
            BasicOps.Branch op = add(new BasicOps.Branch(ec.scalar(i.cond())), s.span(), StmtText.head(s), then);
            op.ifFalse = orElse;
            return op.pc;
        }
        if (s instanceof Stmt.While w) {
            IntExpr cond = ec.scalar(w.cond());
            if (cond.constant() != null && cond.constant() != 0) return forever(w, next);
            BasicOps.Branch op = add(new BasicOps.Branch(cond), s.span(), StmtText.head(s), 0);
            op.ifFalse = next;
            loops.push(new int[] {next, op.pc});
            op.next = gen(w.body(), op.pc);
            loops.pop();
            return op.pc;
        }
        if (s instanceof Stmt.For f) return forLoop(f, next);
        if (s instanceof Stmt.Atomic a) {
            int saved = atomic;
            if (atomic == 0) atomic = ++regions;
            int before = code.list.size();
            int entry = gen(a.body(), next);
            atomic = saved;
            if (saved == 0 && entry >= before && code.list.get(entry) instanceof ObserveOp o) o.opensAtomic = true;
            return entry;
        }
        if (s instanceof Stmt.Observe o) return observe(o, next);
        if (s instanceof Stmt.Await a) return add(new BasicOps.Await(ec.scalar(a.cond())), s.span(), StmtText.of(s), next).pc;
        if (s instanceof Stmt.Either e) return either(e, next);
        if (s instanceof Stmt.Select sel) {
            Type t = model.typeOf(sel.target());
            int[] r = ExprCompiler.rangeOf(t);
            return add(new BasicOps.Select(ec.addr(sel.target()), ec.scalar(sel.range().lo()), ec.scalar(sel.range().hi()),
                    r == null ? Integer.MIN_VALUE : r[0], r == null ? Integer.MAX_VALUE : r[1]), s.span(), StmtText.of(s), next).pc;
        }
        if (s instanceof Stmt.Assert a) return add(new BasicOps.Assert(ec.scalar(a.cond())), s.span(), StmtText.of(s), next).pc;
        if (s instanceof Stmt.Return r) {
            ValueExpr v = r.value() == null ? null : ec.value(r.value());
            int[] range = v == null ? null : ExprCompiler.rangeOf(proc.info.returnType);
            return add(new CallOps.Return(code, v, false, range), s.span(), StmtText.of(s), 0).pc;
        }
        if (s instanceof Stmt.Break) return loops.peek()[0];
        if (s instanceof Stmt.Continue) return loops.peek()[1];
        if (s instanceof Stmt.Skip) return add(new BasicOps.Skip(), s.span(), "skip", next).pc;
        if (s instanceof Stmt.Goto g) {
            BasicOps.Jump j = add(new BasicOps.Jump(), s.span(), StmtText.of(s), 0);
            jumps.addGoto(j, g.label().name());
            List<Stmt.For> left = model.forsLeftBy(g);
            if (left.isEmpty()) return j.pc;
            int[] offsets = new int[2 * left.size()], sizes = new int[offsets.length];
            for (int i = 0; i < left.size(); i++) {
                Symbol.Local v = (Symbol.Local) model.declaredBy(left.get(i));
                offsets[2 * i] = proc.varOffset[v.index()];
                sizes[2 * i] = v.type().slots();
                offsets[2 * i + 1] = proc.varOffset[model.counterOf(left.get(i)).index()];
                sizes[2 * i + 1] = 1;
            }
            return add(new BasicOps.Reset(offsets, sizes), s.span(), StmtText.of(s), j.pc).pc;
        }
        Stmt.Labeled l = (Stmt.Labeled) s;
        int entry = gen(l.stmt(), next);
        jumps.addLabel(l.label().name(), entry);
        return entry;
    }

    private int observe(Stmt.Observe o, int next) {
        int n = o.args().size();
        IntExpr[] args = new IntExpr[n];
        Type[] types = new Type[n];
        for (int i = 0; i < n; i++) {
            args[i] = ec.scalar(o.args().get(i));
            types[i] = model.typeOf(o.args().get(i));
        }
        String[] threads = new String[ec.scenario.threads().size()];
        for (int t = 0; t < threads.length; t++) threads[t] = ec.scenario.threads().get(t).name();
        return add(new ObserveOp(o.name().name(), args, types, threads), o.span(), StmtText.of(o), next).pc;
    }

    /** if (should_fail(NAME)): the choice itself branches, true to the then part. */
    private int injectIf(Stmt.If i, Expr.Call c, int next) {
        int then = gen(i.then(), next);
        int orElse = i.orElse() == null ? next : gen(i.orElse(), next);
        String kind = ((Expr.Name) c.args().get(0)).ident().name();
        FailOps.ShouldFail op = add(new FailOps.ShouldFail(kind, layout.injectSlot(kind), null), i.span(), StmtText.head(i), then);
        op.ifFalse = orElse;
        return op.pc;
    }

    /** while (true): its head tests nothing, so going round is a free jump and not a step. */
    private int forever(Stmt.While w, int next) {
        BasicOps.Jump head = add(new BasicOps.Jump(), w.span(), StmtText.head(w), 0);
        loops.push(new int[] {next, head.pc});
        head.next = gen(w.body(), head.pc);
        loops.pop();
        return head.pc;
    }

    private int local(Stmt.Local l, int next) {
        Symbol.Local v = (Symbol.Local) model.declaredBy(l);
        int off = proc.varOffset[v.index()];
        if (l.init() == null) {
            return add(new BasicOps.Reset(new int[] {off}, new int[] {v.type().slots()}), l.span(), StmtText.of(l), next).pc;
        }
        int entry = store(new Addr.Local(off), v.type(), l.init(), l.span(), StmtText.of(l), next);
        if (code.list.get(entry) instanceof BasicOps.AssignScalar a && a.e.constant() != null) a.silent = true;
        return entry;
    }

    private int assign(Expr target, Expr value, Stmt s, int next) {
        return store(ec.addr(target), model.typeOf(target), value, s.span(), StmtText.of(s), next);
    }

    private int store(Addr dst, Type t, Expr value, Span span, String text, int next) {
        // len, contains, min and max are plain values; only procedures and pop_front are steps of their own.
        boolean pure = value instanceof Expr.Call c && model.callee(c) instanceof Builtin b && !b.effect;
        if (value instanceof Expr.Call c && !pure) return call(c, new Object[] {dst, t}, span, text, next);
        Op op;
        if (t.isScalar()) {
            int[] r = ExprCompiler.rangeOf(t);
            op = new BasicOps.AssignScalar(dst, ec.scalar(value),
                    r == null ? Integer.MIN_VALUE : r[0], r == null ? Integer.MAX_VALUE : r[1]);
        } else {
            op = new BasicOps.AssignBlock(dst, ec.value(value));
        }
        return add(op, span, text, next).pc;
    }

    /** A call as a statement; dest, when given, is {Addr, Type} of where the result goes. */
    private int call(Expr.Call c, Object[] dest, Span span, String text, int next) {
        Object callee = model.callee(c);
        Addr destAddr = dest == null ? null : (Addr) dest[0];
        int[] destRange = dest == null ? null : ExprCompiler.rangeOf((Type) dest[1]);
        if (callee instanceof ProcInfo p) {
            Layout.ProcLayout pl = layout.proc(p);
            ValueExpr[] args = new ValueExpr[c.args().size()];
            int[][] ranges = new int[args.length][];
            for (int i = 0; i < args.length; i++) {
                args[i] = ec.value(c.args().get(i));
                ranges[i] = ExprCompiler.rangeOf(p.params().get(i).type());
            }
            return add(new CallOps.Call(pl, args, ranges, destAddr, destRange), span, text, next).pc;
        }
        Builtin b = (Builtin) callee;
        List<Expr> a = c.args();
        Op op = switch (b) {
            case DOWN_READ -> new LockOps.Lock(LockOps.Kind.DOWN_READ, ec.addr(a.get(0)), null);
            case DOWN_WRITE -> new LockOps.Lock(LockOps.Kind.DOWN_WRITE, ec.addr(a.get(0)), null);
            case UP_READ -> new LockOps.Lock(LockOps.Kind.UP_READ, ec.addr(a.get(0)), null);
            case UP_WRITE -> new LockOps.Lock(LockOps.Kind.UP_WRITE, ec.addr(a.get(0)), null);
            case SPIN_LOCK -> new LockOps.Lock(LockOps.Kind.SPIN_LOCK, ec.addr(a.get(0)), null);
            case SPIN_UNLOCK -> new LockOps.Lock(LockOps.Kind.SPIN_UNLOCK, ec.addr(a.get(0)), null);
            case DOWN_READ_KILLABLE -> new LockOps.Lock(LockOps.Kind.DOWN_READ_KILLABLE, ec.addr(a.get(0)), destAddr);
            case DOWN_WRITE_KILLABLE -> new LockOps.Lock(LockOps.Kind.DOWN_WRITE_KILLABLE, ec.addr(a.get(0)), destAddr);
            case DOWN_READ_TRYLOCK -> new LockOps.Lock(LockOps.Kind.DOWN_READ_TRYLOCK, ec.addr(a.get(0)), destAddr);
            case DOWN_WRITE_TRYLOCK -> new LockOps.Lock(LockOps.Kind.DOWN_WRITE_TRYLOCK, ec.addr(a.get(0)), destAddr);
            case DOWNGRADE_WRITE -> new LockOps.Lock(LockOps.Kind.DOWNGRADE_WRITE, ec.addr(a.get(0)), null);
            case KMALLOC, KMEM_CACHE_ALLOC -> new HeapOps.Kmalloc(layout.pools.get(((Expr.Name) a.get(0)).ident().name()),
                    destAddr, layout.injectSlot(Builtin.KMALLOC.spelling));
            case SHOULD_FAIL -> {
                String kind = ((Expr.Name) a.get(0)).ident().name();
                yield new FailOps.ShouldFail(kind, layout.injectSlot(kind), destAddr);
            }
            case ATOMIC_SET -> new AtomicOps.Rmw(AtomicOps.Kind.SET, ec.addr(a.get(0)), ec.scalar(a.get(1)), null);
            case ATOMIC_INC -> new AtomicOps.Rmw(AtomicOps.Kind.INC, ec.addr(a.get(0)), null, null);
            case ATOMIC_DEC -> new AtomicOps.Rmw(AtomicOps.Kind.DEC, ec.addr(a.get(0)), null, null);
            case ATOMIC_DEC_AND_TEST -> new AtomicOps.Rmw(AtomicOps.Kind.DEC_AND_TEST, ec.addr(a.get(0)), null, destAddr);
            case ATOMIC_INC_NOT_ZERO -> new AtomicOps.Rmw(AtomicOps.Kind.INC_NOT_ZERO, ec.addr(a.get(0)), null, destAddr);
            case KFREE -> new HeapOps.Kfree(ec.scalar(a.get(0)),
                    layout.pools.get(((Type.Pointer) model.typeOf(a.get(0))).target()));
            case REFCOUNT_INC -> new HeapOps.RefcountInc(ec.addr(a.get(0)));
            case REFCOUNT_DEC_AND_TEST -> new HeapOps.RefcountDecAndTest(ec.addr(a.get(0)), destAddr);
            case SET_CURRENT_STATE -> new TaskOps.SetState(ec.scalar(a.get(0)));
            case SCHEDULE -> new TaskOps.Schedule();
            case WAKE_UP_PROCESS -> new TaskOps.WakeUp(ec.scalar(a.get(0)), layout.threadBase);
            case PUSH_BACK, PUSH_FRONT -> {
                Type.ListOf l = (Type.ListOf) model.typeOf(a.get(0));
                yield new ListOps.Push(ec.addr(a.get(0)), ec.value(a.get(1)), l.element().slots(), l.capacity(),
                        b == Builtin.PUSH_FRONT, ExprCompiler.rangeOf(l.element()));
            }
            case POP_FRONT -> {
                Type.ListOf l = (Type.ListOf) model.typeOf(a.get(0));
                yield new ListOps.PopFront(ec.addr(a.get(0)), destAddr, l.element().slots(), destRange);
            }
            case REMOVE -> new ListOps.Remove(ec.addr(a.get(0)), ec.scalar(a.get(1)));
            case CLEAR -> new ListOps.Clear(ec.addr(a.get(0)), model.typeOf(a.get(0)).slots());
            // The checker lets these stand only inside expressions.
            case LEN, CONTAINS, MIN, MAX, SIGNAL_PENDING, FATAL_SIGNAL_PENDING, ATOMIC_READ ->
                    throw new IllegalStateException(b + " is not a statement");
        };
        return add(op, span, text, next).pc;
    }

    private int forLoop(Stmt.For f, int next) {
        Symbol.Local v = (Symbol.Local) model.declaredBy(f);
        Symbol.Local k = model.counterOf(f);
        int varOff = proc.varOffset[v.index()], kOff = proc.varOffset[k.index()];
        int varSlots = v.type().slots();
        BasicOps.Reset exit = add(new BasicOps.Reset(new int[] {varOff, kOff}, new int[] {varSlots, 1}), f.span(),
                "end of " + StmtText.head(f), next);
        BasicOps.ForNext head;
        if (f.domain() instanceof Expr.Range r) {
            head = new BasicOps.ForNext(varOff, kOff, 1, ec.scalar(r.lo()), ec.scalar(r.hi()), null, false, 0, 1);
        } else {
            Type t = model.typeOf(f.domain());
            boolean list = t instanceof Type.ListOf;
            int size = list ? 0 : ((Type.ArrayOf) t).size();
            head = new BasicOps.ForNext(varOff, kOff, varSlots, null, null, ec.addr(f.domain()), list, size, varSlots);
        }
        add(head, f.span(), StmtText.head(f), 0);
        head.exit = exit.pc;
        loops.push(new int[] {exit.pc, head.pc});
        head.next = gen(f.body(), head.pc);
        loops.pop();
        return head.pc;
    }

    private int either(Stmt.Either e, int next) {
        int n = e.branches().size();
        IntExpr[] guards = new IntExpr[n];
        int[] targets = new int[n];
        String[] shown = new String[n];
        for (int i = 0; i < n; i++) {
            List<Stmt> body = e.branches().get(i).stmts();
            shown[i] = "either, branch " + (i + 1) + (body.isEmpty() ? "" : ": " + StmtText.of(body.get(0)));
            if (!body.isEmpty() && body.get(0) instanceof Stmt.Await a) {
                guards[i] = ec.scalar(a.cond());
                body = body.subList(1, body.size());
            }
            int entry = next;
            for (int j = body.size() - 1; j >= 0; j--) entry = gen(body.get(j), entry);
            targets[i] = entry;
        }
        return add(new BasicOps.Either(guards, targets, shown), e.span(), "either", next).pc;
    }
}
