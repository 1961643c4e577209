package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.check.Type;

/**
 * Shows values as a kernel developer would write them: enum names, lock holders, list contents.
 * Folded, a run of RUN or more equal array elements reads "value xN", so that a whole object's
 * page or fd table fits a line or two.
 */
final class ValueFormat {
    private static final int RUN = 4;
    private final List<String> threadNames;
    private final boolean fold;

    ValueFormat(List<String> threadNames, boolean fold) {
        this.threadNames = threadNames;
        this.fold = fold;
    }

    String show(Type t, int[] s, int at) {
        int v = s[at];
        if (t instanceof Type.Bool) return v != 0 ? "true" : "false";
        if (t instanceof Type.Int || t instanceof Type.Refcount || t instanceof Type.Atomic) return Integer.toString(v);
        if (t instanceof Type.Pointer p) return pointer(p.target(), v);
        if (t instanceof Type.Null) return "null";
        if (t instanceof Type.Task) return v == 0 ? "none" : thread(v - 1);
        if (t instanceof Type.Enum e) return v >= 0 && v < e.members().size() ? e.members().get(v) : "?" + v;
        if (t instanceof Type.RwSem) {
            if (v == LockWord.FREE) return "free";
            if (LockWord.writeLocked(v)) return "write-locked by " + thread(LockWord.writer(v));
            List<String> readers = new ArrayList<>();
            for (int b = 0; b < LockWord.READER_BITS; b++) if (LockWord.readBy(v, b)) readers.add(thread(b));
            return "read-locked by " + String.join(", ", readers);
        }
        if (t instanceof Type.SpinLock) return v == LockWord.FREE ? "free" : "locked by " + thread(LockWord.spinHolder(v));
        if (t instanceof Type.Struct st) {
            StringBuilder sb = new StringBuilder("{");
            for (Type.Field f : st.fields()) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(f.name()).append(": ").append(show(f.type(), s, at + f.offset()));
            }
            return sb.append('}').toString();
        }
        if (t instanceof Type.ArrayOf a) return elements(a.element(), s, at, a.size(), fold);
        Type.ListOf l = (Type.ListOf) t;
        return elements(l.element(), s, at + 1, Math.min(Math.max(v, 0), l.capacity()), false);
    }

    private String elements(Type el, int[] s, int first, int n, boolean runs) {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        while (i < n) {
            if (i > 0) sb.append(", ");
            String shown = show(el, s, first + i * el.slots());
            int same = 1;
            while (runs && i + same < n && show(el, s, first + (i + same) * el.slots()).equals(shown)) same++;
            sb.append(shown);
            if (same >= RUN) {
                sb.append(" x").append(same);
                i += same;
            } else {
                i++;
            }
        }
        return sb.append(']').toString();
    }

    /** ctx#2 style: the struct's name and the object's number in its pool. */
    static String pointer(String struct, int v) { return v == 0 ? "null" : struct + "#" + v; }

    String thread(int t) { return t < threadNames.size() ? threadNames.get(t) : "init"; }
}
