package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * Finds heap objects that are live but unreachable: marks from the globals and every frame of
 * every thread, following pointers through live objects (stack objects included), then looks for
 * live heap records left unmarked. Only run at end states, so it need not be fast.
 */
final class Leaks {
    /** The pointer slots inside a value of some type: offsets and the pool each refers into. */
    private record PtrMap(int[] offsets, Layout.Pool[] pools) {}

    private final CheckedModel model;
    private final Layout layout;
    private final Code code;
    private final Layout.Pool[] pools;
    private final Map<Type, PtrMap> maps = new HashMap<>();

    Leaks(CheckedModel model, Layout layout, Code code) {
        this.model = model;
        this.layout = layout;
        this.code = code;
        this.pools = layout.pools.values().toArray(new Layout.Pool[0]);
    }

    boolean any(int[] s, int threads) {
        if (pools.length == 0) return false;
        boolean[][] marked = mark(s, threads);
        for (Layout.Pool p : pools) {
            for (int i = 0; i < p.cap(); i++) {
                if (s[p.base() + i * p.stride()] == Layout.Pool.LIVE && !marked[p.id()][i]) return true;
            }
        }
        return false;
    }

    /** The leaked objects, named as traces name pointers (userfaultfd_ctx#2), pool by pool. */
    List<String> leaked(int[] s, int threads) {
        List<String> out = new ArrayList<>();
        if (pools.length == 0) return out;
        boolean[][] marked = mark(s, threads);
        for (Layout.Pool p : pools) {
            for (int i = 0; i < p.cap(); i++) {
                if (s[p.base() + i * p.stride()] == Layout.Pool.LIVE && !marked[p.id()][i]) {
                    out.add(ValueFormat.pointer(p.type().name(), i + 1));
                }
            }
        }
        return out;
    }

    /** Which objects of each pool are reachable from the globals and the threads' frames. */
    private boolean[][] mark(int[] s, int threads) {
        boolean[][] marked = new boolean[pools.length][];
        for (Layout.Pool p : pools) marked[p.id()] = new boolean[p.cap()];
        List<int[]> work = new ArrayList<>();
        for (Symbol.Global g : model.globals) scan(s, g.type(), layout.globalAddr[g.index()], marked, work);
        for (int t = 0; t < threads; t++) frames(s, layout.threadBase[t], marked, work);
        while (!work.isEmpty()) {
            int[] o = work.remove(work.size() - 1);
            Layout.Pool p = pools[o[0]];
            scan(s, p.type(), p.base() + o[1] * p.stride() + 1, marked, work);
        }
        return marked;
    }

    private void frames(int[] s, int tb, boolean[][] marked, List<int[]> work) {
        int pc = s[tb];
        if (pc == 0) return;
        Layout.ProcLayout proc = code.ops[pc].proc;
        int rel = s[tb + 1];
        while (true) {
            int frame = tb + Layout.HDR + rel;
            for (Symbol.Local v : proc.info.vars) scan(s, v.type(), frame + proc.varOffset[v.index()], marked, work);
            int retPc = s[frame];
            if (retPc == 0) return;
            proc = code.ops[retPc].proc;
            rel = s[frame + 1];
        }
    }

    private void scan(int[] s, Type t, int at, boolean[][] marked, List<int[]> work) {
        PtrMap m = map(t);
        for (int i = 0; i < m.offsets().length; i++) {
            int v = s[at + m.offsets()[i]];
            Layout.Pool p = m.pools()[i];
            if (v <= 0 || v > p.cap() || marked[p.id()][v - 1]) continue;
            if (!Layout.Pool.live(s[p.base() + (v - 1) * p.stride()])) continue;
            marked[p.id()][v - 1] = true;
            work.add(new int[] {p.id(), v - 1});
        }
    }

    private PtrMap map(Type t) {
        PtrMap m = maps.get(t);
        if (m == null) {
            List<Integer> offs = new ArrayList<>();
            List<Layout.Pool> ps = new ArrayList<>();
            collect(t, 0, offs, ps);
            m = new PtrMap(offs.stream().mapToInt(Integer::intValue).toArray(), ps.toArray(new Layout.Pool[0]));
            maps.put(t, m);
        }
        return m;
    }

    private void collect(Type t, int base, List<Integer> offs, List<Layout.Pool> ps) {
        if (t instanceof Type.Pointer p) {
            Layout.Pool pool = layout.pools.get(p.target());
            if (pool != null) {
                offs.add(base);
                ps.add(pool);
            }
        } else if (t instanceof Type.Struct st) {
            for (Type.Field f : st.fields()) collect(f.type(), base + f.offset(), offs, ps);
        } else if (t instanceof Type.ArrayOf a) {
            for (int i = 0; i < a.size(); i++) collect(a.element(), base + i * a.element().slots(), offs, ps);
        } else if (t instanceof Type.ListOf l) {
            for (int i = 0; i < l.capacity(); i++) collect(l.element(), base + 1 + i * l.element().slots(), offs, ps);
        }
    }
}
