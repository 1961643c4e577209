package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * The symmetry reduction. Threads that start the same procedure with the same arguments and the
 * same permission to be killed are interchangeable, and so are the objects of one pool: no
 * statement or property can tell "the first forker" from "the second", or ctx #1 from ctx #2,
 * except through values that name them. So a successor is renamed, before it is fingerprinted,
 * into a representative: thread regions are moved and heap records renumbered, and every slot that
 * names a thread or an object (known from its type) is rewritten to match.
 *
 * <p>Threads are sorted by their regions with names blurred (a task value is "this thread",
 * "another" or none; a pointer is null or not), so the order does not depend on the present
 * names. Threads whose blurred regions tie are tried in every order (up to MAX_TIE_ORDERS) and the
 * smallest result kept. Objects are then numbered in the order a walk from the roots meets them,
 * which depends only on the heap's shape. Objects no walk reaches and leaked structures keep an
 * order that can depend on names, so a rare state may have two representatives: the reduction
 * stays sound, it merely merges a little less.
 *
 * <p>Pool records in use are a prefix of the pool (allocation takes the first never-used record
 * and never reuses one), and renumbering keeps it one, so allocation picks the same record in a
 * state and in its representative.
 *
 * <p>Threads named in a property ({@code t@label}) are never swapped.
 */
final class Symmetry {
    /** What a slot holds, as far as renaming goes. A pointer's kind is PTR plus its pool's id. */
    static final int PLAIN = 0, TASK = 1, RWSEM = 2, SPIN = 3, STATUS = 4, PTR = 8;

    private final Layout layout;
    private final Op[] ops;
    private final int threads;
    private final int size;
    /** Groups of at least two interchangeable threads, each in increasing order. */
    private final int[][] classes;
    private final int[] staticKind;
    /** Positions below the quantifier scratch whose kind is not PLAIN. */
    private final int[] typedStatic;
    private final Layout.Pool[] pools;
    private final int[][] recordKind;
    private final int[][] frameKind;
    /** Per pc, the offsets and kinds of the pointer slots of the frame it runs in; the walk reads only these. */
    private final int[][] framePointers, framePointerKinds;
    /** Per pool, the offsets and kinds of a record's pointer fields. */
    private final int[][] recordPointers, recordPointerKinds;

    // Scratch, reused for every state.
    private final int[][] regionKind;
    private final int[] tperm;
    private final int[][] pperm;
    private final int[] order;
    /** More orders of tied threads than this are not tried: the present order is kept. */
    static final int MAX_TIE_ORDERS = 24;
    private final int[] sorted;
    private final int[] classStart;
    private final int[] runStart, runEnd;
    private int runs;
    private final int[] candidate, best, bestThreads;
    private final int[][] bestObjects;
    private final int[] nextNumber;
    private final int[] queuePool;
    private final int[] queueObject;
    private int queueHead, queueTail;
    /** Where the pools start: typed slots below it are globals, the roots of the heap. */
    private final int firstPoolSlot;
    private final int[] tmp;
    private final int[] idThreads;
    private final int[][] idPools;

    /** A renaming: thread t becomes threads[t]; object i (0-based) of pool k becomes objects[k][i]. */
    record Perm(int[] threads, int[][] objects) {
        Perm then(Perm next) {
            int[] t = new int[threads.length];
            for (int i = 0; i < t.length; i++) t[i] = next.threads[threads[i]];
            int[][] o = new int[objects.length][];
            for (int k = 0; k < o.length; k++) {
                o[k] = new int[objects[k].length];
                for (int i = 0; i < o[k].length; i++) o[k][i] = next.objects[k][objects[k][i]];
            }
            return new Perm(t, o);
        }
    }

    Symmetry(CompiledScenario cs, boolean[] pinned) {
        this.layout = cs.layout;
        this.ops = cs.code.ops;
        this.threads = cs.threadCount();
        this.size = layout.stateSize;
        this.classes = classes(cs.info, pinned);
        this.pools = layout.pools.values().toArray(new Layout.Pool[0]);

        staticKind = new int[layout.boundBase];
        for (Symbol.Global g : cs.model.globals) fill(staticKind, layout.globalAddr[g.index()], g.type());
        recordKind = new int[pools.length][];
        for (Layout.Pool p : pools) {
            int[] rk = new int[p.stride()];
            rk[0] = STATUS;
            fill(rk, 1, p.type());
            recordKind[p.id()] = rk;
            for (int i = 0; i < p.cap(); i++) System.arraycopy(rk, 0, staticKind, p.base() + i * p.stride(), p.stride());
        }
        int n = 0;
        for (int k : staticKind) if (k != PLAIN) n++;
        typedStatic = new int[n];
        n = 0;
        for (int i = 0; i < staticKind.length; i++) if (staticKind[i] != PLAIN) typedStatic[n++] = i;

        // Steppers are made per worker and per rebuilt trace, so this stays one pass over the code.
        java.util.Map<Layout.ProcLayout, int[]> kindsOfProc = new java.util.IdentityHashMap<>();
        frameKind = new int[ops.length][];
        for (Op op : ops) {
            if (op != null) frameKind[op.pc] = kindsOfProc.computeIfAbsent(op.proc, this::frameKinds);
        }

        framePointers = new int[ops.length][];
        framePointerKinds = new int[ops.length][];
        for (int pc = 0; pc < ops.length; pc++) {
            int[] fk = frameKind[pc] == null ? new int[0] : frameKind[pc];
            framePointers[pc] = pointerOffsets(fk);
            framePointerKinds[pc] = kindsAt(fk, framePointers[pc]);
        }
        recordPointers = new int[pools.length][];
        recordPointerKinds = new int[pools.length][];
        for (Layout.Pool p : pools) {
            recordPointers[p.id()] = pointerOffsets(recordKind[p.id()]);
            recordPointerKinds[p.id()] = kindsAt(recordKind[p.id()], recordPointers[p.id()]);
        }

        regionKind = new int[threads][];
        for (int t = 0; t < threads; t++) regionKind[t] = new int[Layout.HDR + layout.stackSize[t]];
        tperm = new int[threads];
        idThreads = new int[threads];
        for (int t = 0; t < threads; t++) idThreads[t] = t;
        pperm = new int[pools.length][];
        idPools = new int[pools.length][];
        for (Layout.Pool p : pools) {
            pperm[p.id()] = new int[p.cap()];
            idPools[p.id()] = new int[p.cap()];
            for (int i = 0; i < p.cap(); i++) idPools[p.id()][i] = i;
        }
        int most = threads;
        for (Layout.Pool p : pools) most = Math.max(most, p.cap());
        order = new int[most];
        nextNumber = new int[pools.length];
        int objects = 0;
        for (Layout.Pool p : pools) objects += p.cap();
        queuePool = new int[objects];
        queueObject = new int[objects];
        firstPoolSlot = pools.length == 0 ? layout.boundBase : pools[0].base();
        tmp = new int[size];
        sorted = new int[threads];
        classStart = new int[classes.length];
        for (int c = 1; c < classes.length; c++) classStart[c] = classStart[c - 1] + classes[c - 1].length;
        runStart = new int[threads];
        runEnd = new int[threads];
        candidate = new int[size];
        best = new int[size];
        bestThreads = new int[threads];
        bestObjects = new int[pools.length][];
        for (Layout.Pool p : pools) bestObjects[p.id()] = new int[p.cap()];
    }

    private int[] frameKinds(Layout.ProcLayout pl) {
        int[] fk = new int[pl.frameSize];
        for (Symbol.Local v : pl.info.vars) fill(fk, pl.varOffset[v.index()], v.type());
        return fk;
    }

    private static int[] pointerOffsets(int[] kinds) {
        int n = 0;
        for (int k : kinds) if (k >= PTR) n++;
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < kinds.length; i++) if (kinds[i] >= PTR) out[n++] = i;
        return out;
    }

    private static int[] kindsAt(int[] kinds, int[] at) {
        int[] out = new int[at.length];
        for (int i = 0; i < at.length; i++) out[i] = kinds[at[i]];
        return out;
    }

    private static int[][] classes(ScenarioInfo info, boolean[] pinned) {
        List<ScenarioInfo.ThreadStart> ts = info.threads();
        boolean[] placed = new boolean[ts.size()];
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < ts.size(); a++) {
            if (placed[a] || pinned[a]) continue;
            List<Integer> group = new ArrayList<>(List.of(a));
            for (int b = a + 1; b < ts.size(); b++) {
                if (!placed[b] && !pinned[b] && alike(info, ts.get(a), ts.get(b))) {
                    group.add(b);
                    placed[b] = true;
                }
            }
            if (group.size() > 1) out.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        return out.toArray(new int[0][]);
    }

    private static boolean alike(ScenarioInfo info, ScenarioInfo.ThreadStart a, ScenarioInfo.ThreadStart b) {
        return a.proc() == b.proc() && Arrays.equals(a.args(), b.args())
                && info.kills().contains(a.name()) == info.kills().contains(b.name());
    }

    private void fill(int[] kinds, int at, Type t) {
        if (t instanceof Type.Task) kinds[at] = TASK;
        else if (t instanceof Type.RwSem) kinds[at] = RWSEM;
        else if (t instanceof Type.SpinLock) kinds[at] = SPIN;
        else if (t instanceof Type.Pointer p) {
            Layout.Pool pool = layout.pools.get(p.target());
            if (pool != null) kinds[at] = PTR + pool.id();
        } else if (t instanceof Type.Struct st) {
            for (Type.Field f : st.fields()) fill(kinds, at + f.offset(), f.type());
        } else if (t instanceof Type.ArrayOf a) {
            for (int i = 0; i < a.size(); i++) fill(kinds, at + i * a.element().slots(), a.element());
        } else if (t instanceof Type.ListOf l) {
            for (int i = 0; i < l.capacity(); i++) fill(kinds, at + 1 + i * l.element().slots(), l.element());
        }
    }

    /** Renames s in place into its representative. */
    void canonicalize(int[] s) {
        canonicalize(s, null);
    }

    /** As above; when applied is not null, its arrays receive the renaming that was applied. */
    void canonicalize(int[] s, Perm applied) {
        int combinations = 1;
        runs = 0;
        for (int c = 0; c < classes.length; c++) combinations = sortThreads(s, c, combinations);
        if (runs == 0 || combinations > MAX_TIE_ORDERS) {
            rename(s, s);
        } else {
            // Threads that look alike up to names may still differ in what their pointers reach:
            // try every order of each tied run and keep the smallest result.
            boolean first = true;
            do {
                rename(s, candidate);
                if (first || Arrays.compare(candidate, 0, size, best, 0, size) < 0) {
                    first = false;
                    System.arraycopy(candidate, 0, best, 0, size);
                    System.arraycopy(tperm, 0, bestThreads, 0, threads);
                    for (Layout.Pool p : pools) System.arraycopy(pperm[p.id()], 0, bestObjects[p.id()], 0, p.cap());
                }
            } while (nextTieOrder());
            System.arraycopy(best, 0, s, 0, size);
            System.arraycopy(bestThreads, 0, tperm, 0, threads);
            for (Layout.Pool p : pools) System.arraycopy(bestObjects[p.id()], 0, pperm[p.id()], 0, p.cap());
        }
        if (applied != null) {
            System.arraycopy(tperm, 0, applied.threads(), 0, threads);
            for (Layout.Pool p : pools) System.arraycopy(pperm[p.id()], 0, applied.objects()[p.id()], 0, p.cap());
        }
    }

    /** out = s with the threads in the order sorted gives and the objects numbered by a walk. */
    private void rename(int[] s, int[] out) {
        System.arraycopy(idThreads, 0, tperm, 0, threads);
        boolean moved = false;
        for (int c = 0; c < classes.length; c++) {
            int[] members = classes[c];
            for (int i = 0; i < members.length; i++) {
                int t = sorted[classStart[c] + i];
                tperm[t] = members[i];
                moved |= t != members[i];
            }
        }
        int[] cur = s;
        if (moved) {
            apply(s, tperm, idPools, tmp);
            cur = tmp;
        }
        if (pools.length > 0 && numberObjects(cur)) {
            if (cur == out) {
                apply(cur, idThreads, pperm, tmp);
                System.arraycopy(tmp, 0, out, 0, size);
            } else {
                apply(cur, idThreads, pperm, out);
            }
        } else if (cur != out) {
            System.arraycopy(cur, 0, out, 0, size);
        }
    }

    Perm identity() {
        int[][] o = new int[pools.length][];
        for (int k = 0; k < o.length; k++) o[k] = idPools[k].clone();
        return new Perm(idThreads.clone(), o);
    }

    /**
     * Sorts class c's threads by key into sorted, noting runs of equal keys; returns combinations
     * times the number of orders of those runs (saturating above MAX_TIE_ORDERS).
     */
    private int sortThreads(int[] s, int c, int combinations) {
        int[] members = classes[c];
        int n = members.length;
        int at = classStart[c];
        for (int i = 0; i < n; i++) {
            sorted[at + i] = members[i];
            regionKinds(s, members[i], regionKind[members[i]]);
        }
        for (int i = 1; i < n; i++) {
            int x = sorted[at + i];
            int j = i - 1;
            while (j >= 0 && compareThreads(s, sorted[at + j], x) > 0) {
                sorted[at + j + 1] = sorted[at + j];
                j--;
            }
            sorted[at + j + 1] = x;
        }
        // Equal keys stay in increasing thread order (the sort is stable), the first of their orders.
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && compareThreads(s, sorted[at + i], sorted[at + j]) == 0) j++;
            if (j - i > 1) {
                runStart[runs] = at + i;
                runEnd[runs++] = at + j;
                for (int k = 2; k <= j - i; k++) combinations = Math.min(MAX_TIE_ORDERS + 1, combinations * k);
            }
            i = j;
        }
        return combinations;
    }

    /** Steps the tied runs to their next combination of orders, like an odometer; false after the last. */
    private boolean nextTieOrder() {
        for (int r = 0; r < runs; r++) {
            if (nextPermutation(sorted, runStart[r], runEnd[r])) return true;
        }
        return false;
    }

    /** The next permutation of a[from, to) in increasing order; false, leaving it sorted, after the last. */
    static boolean nextPermutation(int[] a, int from, int to) {
        int i = to - 2;
        while (i >= from && a[i] >= a[i + 1]) i--;
        if (i < from) {
            reverse(a, from, to);
            return false;
        }
        int j = to - 1;
        while (a[j] <= a[i]) j--;
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
        reverse(a, i + 1, to);
        return true;
    }

    private static void reverse(int[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    private int compareThreads(int[] s, int a, int b) {
        int ba = layout.threadBase[a], bb = layout.threadBase[b];
        int[] ka = regionKind[a], kb = regionKind[b];
        for (int i = 0; i < ka.length; i++) {
            int va = threadKey(s[ba + i], ka[i], a), vb = threadKey(s[bb + i], kb[i], b);
            if (va != vb) return va < vb ? -1 : 1;
        }
        return 0;
    }

    /** A slot of thread t's region as the sort sees it: names of threads and objects blurred. */
    private static int threadKey(int v, int kind, int t) {
        if (kind == PLAIN || v == 0) return v;
        if (kind == TASK) return v == t + 1 ? 1 : 2;
        if (kind == SPIN) return v == LockWord.spinLockedBy(t) ? 1 : 2;
        return 3;
    }

    /**
     * Numbers the objects in the order a walk from the roots first meets them: globals, then each
     * thread's stack in thread order, then breadth first through the objects' own pointers. The
     * walk sees only the shape of the heap, never the present numbers, so two states that differ
     * by renaming objects get the same numbers. Objects in use that no walk reaches (freed ones,
     * which are cleared and alike, and leaked ones) come next, in their present order. Sets pperm;
     * whether any object is renumbered.
     */
    private boolean numberObjects(int[] s) {
        for (Layout.Pool p : pools) {
            Arrays.fill(pperm[p.id()], -1);
            nextNumber[p.id()] = 0;
        }
        queueHead = queueTail = 0;
        for (int at : typedStatic) {
            if (at >= firstPoolSlot) break;
            visit(s, s[at], staticKind[at]);
        }
        for (int t = 0; t < threads; t++) {
            // The frames from the top down, each through its procedure's pointer slots only.
            int tb = layout.threadBase[t];
            int pc = s[tb];
            int rel = s[tb + 1];
            while (pc != 0) {
                int frame = tb + Layout.HDR + rel;
                int[] at = framePointers[pc];
                int[] kind = framePointerKinds[pc];
                for (int i = 0; i < at.length; i++) visit(s, s[frame + at[i]], kind[i]);
                pc = s[frame];
                rel = s[frame + 1];
            }
        }
        drain(s);
        boolean renamed = false;
        for (Layout.Pool p : pools) {
            int[] perm = pperm[p.id()];
            int n = 0;
            for (int i = 0; i < p.cap() && s[p.record(i + 1)] != Layout.Pool.UNUSED; i++) {
                if (perm[i] < 0) order[n++] = i;
            }
            sortByContent(s, p, n);
            for (int j = 0; j < n; j++) {
                visit(s, order[j] + 1, PTR + p.id());
                drain(s);
            }
            for (int i = 0; i < p.cap(); i++) {
                if (perm[i] < 0) perm[i] = i;
                renamed |= perm[i] != i;
            }
        }
        return renamed;
    }

    /** Sorts order[0, n), records of p, by content as the walk would see it. */
    private void sortByContent(int[] s, Layout.Pool p, int n) {
        for (int i = 1; i < n; i++) {
            int x = order[i];
            int j = i - 1;
            while (j >= 0 && compareRecords(s, p, order[j], x) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    /** Records compare by content with pointers seen only as null or not. */
    private int compareRecords(int[] s, Layout.Pool p, int a, int b) {
        int[] rk = recordKind[p.id()];
        int ra = p.record(a + 1), rb = p.record(b + 1);
        for (int i = 0; i < rk.length; i++) {
            int va = s[ra + i], vb = s[rb + i];
            if (rk[i] >= PTR) {
                va = va == 0 ? 0 : 1;
                vb = vb == 0 ? 0 : 1;
            }
            if (va != vb) return va < vb ? -1 : 1;
        }
        return 0;
    }

    /** Gives the object a pointer slot names its number, if it has none yet, and queues it. */
    private void visit(int[] s, int v, int kind) {
        if (kind < PTR || v == 0) return;
        int k = kind - PTR;
        int[] perm = pperm[k];
        if (v > perm.length || perm[v - 1] >= 0) return;
        perm[v - 1] = nextNumber[k]++;
        queuePool[queueTail] = k;
        queueObject[queueTail++] = v;
    }

    private void drain(int[] s) {
        while (queueHead < queueTail) {
            Layout.Pool p = pools[queuePool[queueHead]];
            int rec = p.record(queueObject[queueHead++]);
            int[] at = recordPointers[p.id()];
            int[] kind = recordPointerKinds[p.id()];
            for (int i = 0; i < at.length; i++) visit(s, s[rec + at[i]], kind[i]);
        }
    }

    /** The kinds of thread t's region in s, from the frames on its stack. */
    private void regionKinds(int[] s, int t, int[] out) {
        Arrays.fill(out, PLAIN);
        int tb = layout.threadBase[t];
        int pc = s[tb];
        if (pc == 0) return;
        int rel = s[tb + 1];
        while (true) {
            int[] fk = frameKind[pc];
            int at = Layout.HDR + rel;
            System.arraycopy(fk, 0, out, at, fk.length);
            int retPc = s[tb + at];
            if (retPc == 0) return;
            pc = retPc;
            rel = s[tb + at + 1];
        }
    }

    /** dst = src renamed by (tp, pp): regions and records moved, every name rewritten. */
    void apply(int[] src, int[] tp, int[][] pp, int[] dst) {
        System.arraycopy(src, 0, dst, 0, size);
        for (int t = 0; t < threads; t++) {
            if (tp[t] != t) {
                System.arraycopy(src, layout.threadBase[t], dst, layout.threadBase[tp[t]],
                        Layout.HDR + layout.stackSize[t]);
            }
        }
        for (Layout.Pool p : pools) {
            int[] m = pp[p.id()];
            for (int i = 0; i < p.cap(); i++) {
                if (m[i] != i) System.arraycopy(src, p.record(i + 1), dst, p.record(m[i] + 1), p.stride());
            }
        }
        for (int at : typedStatic) dst[at] = rename(dst[at], staticKind[at], tp, pp);
        for (int t = 0; t < threads; t++) {
            int[] kinds = regionKind[t];
            regionKinds(dst, t, kinds);
            int tb = layout.threadBase[t];
            for (int i = Layout.HDR; i < kinds.length; i++) {
                if (kinds[i] != PLAIN) dst[tb + i] = rename(dst[tb + i], kinds[i], tp, pp);
            }
        }
    }

    private int rename(int v, int kind, int[] tp, int[][] pp) {
        if (v == 0) return 0;
        switch (kind) {
            case TASK -> {
                return v > 0 && v <= threads ? tp[v - 1] + 1 : v;
            }
            case SPIN -> {
                return LockWord.renameSpin(v, tp, threads);
            }
            case RWSEM -> {
                return LockWord.renameRwsem(v, tp, threads);
            }
            case STATUS -> {
                if (v < Layout.Pool.STACK) return v;
                int key = v - Layout.Pool.STACK;
                int t = key >>> 16;
                return t < threads ? Layout.Pool.STACK + (tp[t] << 16 | key & 0xFFFF) : v;
            }
            default -> {
                int[] m = pp[kind - PTR];
                return v > 0 && v <= m.length ? m[v - 1] + 1 : v;
            }
        }
    }
}
