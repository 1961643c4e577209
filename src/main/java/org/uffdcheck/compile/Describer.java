package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/** Names what a step did and what a state holds, for counterexamples. */
public final class Describer {
    /**
     * One step of a trace as people read it. file is null (and line 0) for a step with no place in
     * the source; fault is the one the step ran into, or null.
     */
    public record Step(int thread, String threadName, String proc, String file, int line, String statement,
                       List<String> changes, Fault fault) {
        /** "file:line", or nothing for a step with no place in the source. */
        public String location() { return file == null ? "" : file + ":" + line; }

        /** The fault as a step shows it: "property: description". */
        public String faultText() { return fault == null ? null : fault.property + ": " + fault.description; }
    }

    /** A variable and the slot of the state where its value starts, for renderers that walk values by type. */
    public record Var(String name, Type type, int at) {}

    /**
     * One frame of a thread's call stack: the procedure, where it stands (file, line and statement of
     * the next step; for a caller, where it resumes) and its variables.
     */
    public record Frame(String proc, String file, int line, String statement, List<Var> vars) {}

    /**
     * An object a state knows of: one allocated and not freed ("live"), one in a frame of thread
     * ("stack"), or one freed, whose fields are cleared ("freed"). at is where its first field lives.
     */
    public record HeapObject(String name, Type.Struct type, int at, String status, String thread) {
        public static final String LIVE = "live", STACK = "stack", FREED = "freed";

        public boolean freed() { return status.equals(FREED); }
    }

    private final CompiledScenario cs;
    private final ValueFormat fmt;
    private final ValueFormat folded;

    Describer(CompiledScenario cs) {
        this.cs = cs;
        List<String> names = new ArrayList<>();
        for (int t = 0; t < cs.threadCount(); t++) names.add(cs.threadName(t));
        this.fmt = new ValueFormat(names, false);
        this.folded = new ValueFormat(names, true);
    }

    public Step step(int[] before, int label, int[] after) {
        int t = CompiledScenario.threadOfLabel(label);
        int tb = cs.layout.threadBase[t];
        Op op = cs.code.ops[before[tb]];
        if (CompiledScenario.isKill(label)) {
            return new Step(t, cs.threadName(t), op.proc.info.name, op.span.file().displayName(), op.span.line(),
                    "<< SIGKILL delivered >>", List.of("fatal signal pending; " + cs.threadName(t) + " woken"), null);
        }
        Fault fault = cs.fault(after);
        String file = op.span == null ? null : op.span.file().displayName();
        int line = op.span == null ? 0 : op.span.line();
        List<String> changes = fault == null ? changes(before, after, t) : List.of();
        return new Step(t, cs.threadName(t), op.proc.info.name, file, line, shown(op, before, after, tb), changes, fault);
    }

    /** The statement; for either, the branch taken (the one whose entry the thread reached). */
    private String shown(Op op, int[] before, int[] after, int tb) {
        if (cs.fault(after) != null) return op.text;
        if (op instanceof HeapOps.Kmalloc k && injected(k.failSlot, before, after)) return op.text + " -> null (injected failure)";
        if (op instanceof FailOps.ShouldFail f && injected(f.slot, before, after)) {
            return op.text + " << should_fail(" + f.kind + "): injected >>";
        }
        if (!(op instanceof BasicOps.Either e)) return op.text;
        for (int c = 0; c < e.targets.length; c++) {
            if (e.targets[c] == after[tb]) return e.shown[c];
        }
        return op.text;
    }

    /** Whether the step used up an injected failure: shared state, so traces never fold it away. */
    public boolean injectedFailure(int[] before, int[] after) {
        for (int k = 0; k < cs.layout.injectKinds.length; k++) {
            if (injected(cs.layout.injectBase + k, before, after)) return true;
        }
        return false;
    }

    private static boolean injected(int slot, int[] before, int[] after) {
        return slot >= 0 && after[slot] < before[slot];
    }

    /** The variables a step by thread t changed, as "name = new value". */
    public List<String> changes(int[] before, int[] after, int t) {
        List<String> out = new ArrayList<>();
        for (Symbol.Global g : cs.model.globals) {
            int at = cs.layout.globalAddr[g.index()];
            int n = g.type().slots();
            if (Arrays.equals(before, at, at + n, after, at, at + n)) continue;
            if (g.type() instanceof Type.ArrayOf a) {
                int es = a.element().slots();
                for (int i = 0; i < a.size(); i++) {
                    int e = at + i * es;
                    if (!Arrays.equals(before, e, e + es, after, e, e + es)) {
                        out.add(g.name() + "[" + i + "] = " + fmt.show(a.element(), after, e));
                    }
                }
            } else {
                out.add(g.name() + " = " + fmt.show(g.type(), after, at));
            }
        }
        objectChanges(before, after, out);
        for (int k = 0; k < cs.layout.injectKinds.length; k++) {
            int at = cs.layout.injectBase + k;
            if (injected(at, before, after)) {
                out.add("injected failure of " + cs.layout.injectKinds[k] + " (" + after[at] + " left)");
            }
        }
        int tb = cs.layout.threadBase[t];
        if (after[tb + Layout.TASK_STATE] != before[tb + Layout.TASK_STATE]) {
            out.add(cs.threadName(t) + " state = " + TASK_STATES[after[tb + Layout.TASK_STATE]]);
        }
        if (after[tb] == 0) {
            out.add(cs.threadName(t) + " finished");
        } else if (before[tb + 1] == after[tb + 1] && cs.code.ops[before[tb]].proc == cs.code.ops[after[tb]].proc) {
            localChanges(before, after, tb, out);
        } else if (after[tb + 1] > before[tb + 1]) {
            out.add("enters " + cs.code.ops[after[tb]].proc.info.name);
        }
        return out;
    }

    private static final String[] TASK_STATES = {"TASK_RUNNING", "TASK_INTERRUPTIBLE", "TASK_UNINTERRUPTIBLE", "TASK_KILLABLE"};

    /** Allocations, frees and field changes of pool objects; other threads' task states woken. */
    private void objectChanges(int[] before, int[] after, List<String> out) {
        for (Layout.Pool p : cs.layout.pools.values()) {
            for (int i = 0; i < p.cap(); i++) {
                int rec = p.base() + i * p.stride();
                if (Arrays.equals(before, rec, rec + p.stride(), after, rec, rec + p.stride())) continue;
                String name = ValueFormat.pointer(p.type().name(), i + 1);
                int was = before[rec], now = after[rec];
                if (was == Layout.Pool.UNUSED && now == Layout.Pool.LIVE) out.add("kmalloc " + name);
                else if (was == Layout.Pool.UNUSED) out.add("on stack " + name);
                else if (now == Layout.Pool.FREED) out.add("freed " + name);
                if (Layout.Pool.live(now)) {
                    for (Type.Field f : p.type().fields()) {
                        int at = rec + 1 + f.offset();
                        int n = f.type().slots();
                        if (!Arrays.equals(before, at, at + n, after, at, at + n)) {
                            out.add(name + "." + f.name() + " = " + fmt.show(f.type(), after, at));
                        }
                    }
                }
            }
        }
        for (int u = 0; u < cs.threadCount(); u++) {
            int ub = cs.layout.threadBase[u] + Layout.TASK_STATE;
            if (before[ub] != after[ub] && after[ub] == 0 && before[cs.layout.threadBase[u]] == after[cs.layout.threadBase[u]]) {
                out.add("wakes " + cs.threadName(u));
            }
        }
    }

    private void localChanges(int[] before, int[] after, int tb, List<String> out) {
        Layout.ProcLayout pl = cs.code.ops[after[tb]].proc;
        int frame = tb + Layout.HDR + after[tb + 1];
        for (Symbol.Local v : pl.info.vars) {
            if (v.name().startsWith("#")) continue;
            int at = frame + pl.varOffset[v.index()];
            int n = v.type().slots();
            if (!Arrays.equals(before, at, at + n, after, at, at + n)) {
                out.add(v.name() + " = " + fmt.show(v.type(), after, at));
            }
        }
    }

    /** Every global's value, every object's, then where each thread is. */
    public List<String> state(int[] s) {
        List<String> out = new ArrayList<>();
        for (Symbol.Global g : cs.model.globals) {
            out.add(g.name() + " = " + fmt.show(g.type(), s, cs.layout.globalAddr[g.index()]));
        }
        out.addAll(objectLines(s));
        for (int t = 0; t < cs.threadCount(); t++) out.add(cs.threadName(t) + ": " + position(s, t));
        return out;
    }

    /**
     * The objects of s as "name = {fields}", runs of equal array elements folded, then one line
     * "freed: name, ..." (freeing clears an object, so its name is all there is to show).
     */
    public List<String> objectLines(int[] s) {
        List<String> out = new ArrayList<>();
        List<String> freed = new ArrayList<>();
        for (HeapObject o : heap(s)) {
            if (o.freed()) freed.add(o.name());
            else out.add(o.name() + (o.thread() == null ? "" : " (on the stack of " + o.thread() + ")") + " = "
                    + folded.show(o.type(), s, o.at()));
        }
        if (!freed.isEmpty()) out.add("freed: " + String.join(", ", freed));
        return out;
    }

    /** Every object of s that was ever allocated, by pool in declaration order, then by number. */
    public List<HeapObject> heap(int[] s) {
        List<HeapObject> out = new ArrayList<>();
        for (Layout.Pool p : cs.layout.pools.values()) {
            for (int i = 0; i < p.cap(); i++) {
                int rec = p.base() + i * p.stride();
                int status = s[rec];
                if (status == Layout.Pool.UNUSED) continue;
                boolean stack = status >= Layout.Pool.STACK;
                String shown = status == Layout.Pool.LIVE ? HeapObject.LIVE : stack ? HeapObject.STACK : HeapObject.FREED;
                String owner = stack ? fmt.thread((status - Layout.Pool.STACK) >>> 16) : null;
                out.add(new HeapObject(ValueFormat.pointer(p.type().name(), i + 1), p.type(), rec + 1, shown, owner));
            }
        }
        return out;
    }

    /** Whether the model declares any pool, so that a state can hold objects at all. */
    public boolean hasHeap() { return !cs.layout.pools.isEmpty(); }

    /** How traces name the object a pointer value refers to: mm_struct#1, or null. */
    public static String objectName(String struct, int pointer) { return ValueFormat.pointer(struct, pointer); }

    /** A value as traces show it: enum names, lock holders by thread name, list contents. */
    public String show(Type t, int[] s, int at) { return fmt.show(t, s, at); }

    /** The globals in declaration order. */
    public List<Var> globals() {
        List<Var> out = new ArrayList<>();
        for (Symbol.Global g : cs.model.globals) out.add(new Var(g.name(), g.type(), cs.layout.globalAddr[g.index()]));
        return out;
    }

    /**
     * Every object record of every pool, named as traces name pointers (mm_struct#1), whether or
     * not it is allocated in a given state: its contents are zero when it is not.
     */
    public List<Var> objects() {
        List<Var> out = new ArrayList<>();
        for (Layout.Pool p : cs.layout.pools.values()) {
            for (int i = 0; i < p.cap(); i++) {
                out.add(new Var(ValueFormat.pointer(p.type().name(), i + 1), p.type(), p.base() + i * p.stride() + 1));
            }
        }
        return out;
    }

    /** Where a pool object's allocation status lives (see objects()): before its first field. */
    public static int statusSlot(Var object) { return object.at() - 1; }

    /** Thread t's call stack in s, innermost frame first; empty when the thread has finished. */
    public List<Frame> frames(int[] s, int t) {
        List<Frame> out = new ArrayList<>();
        int tb = cs.layout.threadBase[t];
        int pc = s[tb];
        int rel = s[tb + 1];
        while (pc != 0) {
            Op op = cs.code.ops[pc];
            Layout.ProcLayout pl = op.proc;
            int frame = tb + Layout.HDR + rel;
            List<Var> vars = new ArrayList<>();
            for (Symbol.Local v : pl.info.vars) {
                if (!v.name().startsWith("#")) vars.add(new Var(v.name(), v.type(), frame + pl.varOffset[v.index()]));
            }
            String file = op.span == null ? "" : op.span.file().displayName();
            out.add(new Frame(pl.info.name, file, op.span == null ? 0 : op.span.line(), op.text, vars));
            pc = s[frame];
            rel = s[frame + 1];
        }
        return out;
    }

    /** "finished", or the statement the thread will run next and where. */
    public String position(int[] s, int t) {
        int pc = s[cs.layout.threadBase[t]];
        if (pc == 0) return "finished";
        Op op = cs.code.ops[pc];
        int tb = cs.layout.threadBase[t];
        String how = (s[tb + Layout.TASK_STATE] == 0 ? "" : " [" + TASK_STATES[s[tb + Layout.TASK_STATE]] + "]")
                + (s[tb + Layout.SIGNAL] == Layout.SIG_PENDING ? " [fatal signal pending]" : "");
        return "in " + op.proc.info.name + how + " at " + op.span.file().displayName() + ":" + op.span.line() + ": " + op.text;
    }
}
