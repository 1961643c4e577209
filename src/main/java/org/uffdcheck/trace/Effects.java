package org.uffdcheck.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;
import org.uffdcheck.compile.LockWord;
import org.uffdcheck.engine.Fault;
import org.uffdcheck.lang.check.Type;

/**
 * Finds the locks and lists among the globals, also inside structs and arrays, and says what a
 * step did to them by comparing the state before and after. Comparing states rather than reading
 * the statement also covers atomic blocks and procedures that wrap the built-ins.
 */
final class Effects {
    /** A lock or a list somewhere in the globals: its path as the model spells it, type and first slot. */
    record Place(String path, Type type, int at) {}

    /** A lock held by a thread in some state. */
    record Holding(String lock, int thread, String mode) {}

    private static final Pattern FREE = Pattern.compile("\\b(?:kfree|free|kmem_cache_free)\\s*\\(([^;]*)\\)");

    private final Describer d;
    private final List<Place> locks = new ArrayList<>();
    private final List<Place> lists = new ArrayList<>();

    Effects(CompiledScenario cs) {
        this.d = cs.describer();
        for (Describer.Var g : d.globals()) collect(g.name(), g.type(), g.at());
        for (Describer.Var o : d.objects()) collect(o.name(), o.type(), o.at());
    }

    private void collect(String path, Type t, int at) {
        if (t instanceof Type.RwSem || t instanceof Type.SpinLock) {
            locks.add(new Place(path, t, at));
        } else if (t instanceof Type.ListOf) {
            lists.add(new Place(path, t, at));
        } else if (t instanceof Type.Struct st) {
            for (Type.Field f : st.fields()) collect(path + "." + f.name(), f.type(), at + f.offset());
        } else if (t instanceof Type.ArrayOf a) {
            for (int i = 0; i < a.size(); i++) collect(path + "[" + i + "]", a.element(), at + i * a.element().slots());
        }
    }

    List<Place> locks() { return locks; }

    /** What the step from before to after by thread t did to locks and lists, and what it freed. */
    List<Effect> of(int[] before, int[] after, int t, String statement, Fault fault) {
        List<Effect> out = new ArrayList<>();
        for (Place p : locks) lockChange(p, before[p.at()], after[p.at()], out);
        for (Place p : lists) listChange(p, before, after, t, out);
        Matcher m = FREE.matcher(statement);
        if (fault == null && m.find()) out.add(new Effect(Effect.Kind.FREED, m.group(1).trim(), "", t));
        if (fault != null) out.add(new Effect(Effect.Kind.FAULT, fault.property, fault.description, t));
        return out;
    }

    private void lockChange(Place p, int v0, int v1, List<Effect> out) {
        if (v0 == v1) return;
        if (p.type() instanceof Type.SpinLock) {
            if (v0 != LockWord.FREE) out.add(new Effect(Effect.Kind.LOCK_RELEASED, p.path(), "", LockWord.spinHolder(v0)));
            if (v1 != LockWord.FREE) out.add(new Effect(Effect.Kind.LOCK_TAKEN, p.path(), "", LockWord.spinHolder(v1)));
            return;
        }
        if (LockWord.writeLocked(v0)) out.add(new Effect(Effect.Kind.LOCK_RELEASED, p.path(), "write", LockWord.writer(v0)));
        for (int b = 0; b < LockWord.READER_BITS; b++) {
            boolean had = LockWord.readBy(v0, b);
            boolean has = LockWord.readBy(v1, b);
            if (had && !has) out.add(new Effect(Effect.Kind.LOCK_RELEASED, p.path(), "read", b));
            if (!had && has) out.add(new Effect(Effect.Kind.LOCK_TAKEN, p.path(), "read", b));
        }
        if (LockWord.writeLocked(v1)) out.add(new Effect(Effect.Kind.LOCK_TAKEN, p.path(), "write", LockWord.writer(v1)));
    }

    /**
     * Elements that appeared are queued, elements that disappeared are read; the longest run the two
     * contents share is what stayed, which tells a pop from the front from a push to the back.
     */
    private void listChange(Place p, int[] before, int[] after, int t, List<Effect> out) {
        Type.ListOf l = (Type.ListOf) p.type();
        int es = l.element().slots();
        int n0 = Math.max(0, Math.min(before[p.at()], l.capacity()));
        int n1 = Math.max(0, Math.min(after[p.at()], l.capacity()));
        int first = p.at() + 1;
        if (n0 == n1 && Arrays.equals(before, first, first + n0 * es, after, first, first + n1 * es)) return;
        int bestLen = 0, bestI = 0, bestJ = 0;
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) {
                int k = 0;
                while (i + k < n0 && j + k < n1 && sameElement(before, first + (i + k) * es, after, first + (j + k) * es, es)) k++;
                if (k > bestLen) {
                    bestLen = k;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        for (int i = 0; i < n0; i++) {
            if (i < bestI || i >= bestI + bestLen) {
                out.add(new Effect(Effect.Kind.READ, p.path(), d.show(l.element(), before, first + i * es), t));
            }
        }
        for (int j = 0; j < n1; j++) {
            if (j < bestJ || j >= bestJ + bestLen) {
                out.add(new Effect(Effect.Kind.QUEUED, p.path(), d.show(l.element(), after, first + j * es), t));
            }
        }
    }

    private static boolean sameElement(int[] a, int ia, int[] b, int ib, int n) {
        return Arrays.equals(a, ia, ia + n, b, ib, ib + n);
    }

    /** Every lock held in s, by whom and how. */
    List<Holding> holdings(int[] s) {
        List<Holding> out = new ArrayList<>();
        for (Place p : locks) {
            int v = s[p.at()];
            if (v == LockWord.FREE) continue;
            if (p.type() instanceof Type.SpinLock) {
                out.add(new Holding(p.path(), LockWord.spinHolder(v), ""));
            } else if (LockWord.writeLocked(v)) {
                out.add(new Holding(p.path(), LockWord.writer(v), "write"));
            } else {
                for (int b = 0; b < LockWord.READER_BITS; b++) if (LockWord.readBy(v, b)) out.add(new Holding(p.path(), b, "read"));
            }
        }
        return out;
    }

    /**
     * Whether the step changed shared state, a global or a heap object (its allocation included):
     * a step that did not is seen by no other thread. An injected failure uses up the scenario's
     * budget of failures, which is shared too.
     */
    boolean changesGlobals(int[] before, int[] after) {
        if (d.injectedFailure(before, after)) return true;
        for (Describer.Var g : d.globals()) {
            if (differ(before, after, g.at(), g.type().slots())) return true;
        }
        for (Describer.Var o : d.objects()) {
            if (differ(before, after, Describer.statusSlot(o), o.type().slots() + 1)) return true;
        }
        return false;
    }

    private static boolean differ(int[] before, int[] after, int at, int n) {
        return !Arrays.equals(before, at, at + n, after, at, at + n);
    }
}
