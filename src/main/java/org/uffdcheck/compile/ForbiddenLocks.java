package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.check.CheckedModel;

/** The rw-semaphores marked forbid_user_wait: globals, and a field of every live object of a pool. */
final class ForbiddenLocks {
    private final int[] globals;
    private final Layout.Pool[] pools;
    private final int[] offsets;

    ForbiddenLocks(CheckedModel model, Layout layout) {
        List<Integer> g = new ArrayList<>();
        List<Layout.Pool> p = new ArrayList<>();
        List<Integer> o = new ArrayList<>();
        for (CheckedModel.ForbiddenLock f : model.forbidden) {
            if (f.global() != null) {
                g.add(layout.globalAddr[f.global().index()]);
            } else if (layout.pools.containsKey(f.struct())) {
                p.add(layout.pools.get(f.struct()));
                o.add(f.field().offset());
            }
        }
        globals = g.stream().mapToInt(Integer::intValue).toArray();
        pools = p.toArray(new Layout.Pool[0]);
        offsets = o.stream().mapToInt(Integer::intValue).toArray();
    }

    boolean any() { return globals.length + pools.length > 0; }

    /** Whether thread t holds any of them in s. */
    boolean heldBy(int[] s, int t) {
        for (int a : globals) if (LockWord.holds(s[a], t)) return true;
        for (int i = 0; i < pools.length; i++) {
            Layout.Pool pool = pools[i];
            for (int k = 0, rec = pool.base(); k < pool.cap(); k++, rec += pool.stride()) {
                if (Layout.Pool.live(s[rec]) && LockWord.holds(s[rec + 1 + offsets[i]], t)) return true;
            }
        }
        return false;
    }
}
