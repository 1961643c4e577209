package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.lang.check.Type;

/** Shows values as a kernel developer would write them: enum names, lock holders, list contents. */
final class ValueFormat {
    private final List<String> threadNames;

    ValueFormat(List<String> threadNames) { this.threadNames = threadNames; }

    String show(Type t, int[] s, int at) {
        int v = s[at];
        if (t instanceof Type.Bool) return v != 0 ? "true" : "false";
        if (t instanceof Type.Int || t instanceof Type.Refcount) return Integer.toString(v);
        if (t instanceof Type.Pointer p) return pointer(p.target(), v);
        if (t instanceof Type.Null) return "null";
        if (t instanceof Type.Task) return v == 0 ? "none" : thread(v - 1);
        if (t instanceof Type.Enum e) return v >= 0 && v < e.members().size() ? e.members().get(v) : "?" + v;
        if (t instanceof Type.RwSem) {
            if (v == 0) return "free";
            if (v < 0) return "write-locked by " + thread(-v - 1);
            List<String> readers = new ArrayList<>();
            for (int b = 0; b < 31; b++) if ((v & (1 << b)) != 0) readers.add(thread(b));
            return "read-locked by " + String.join(", ", readers);
        }
        if (t instanceof Type.SpinLock) return v == 0 ? "free" : "locked by " + thread(v - 1);
        if (t instanceof Type.Struct st) {
            StringBuilder sb = new StringBuilder("{");
            for (Type.Field f : st.fields()) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(f.name()).append(": ").append(show(f.type(), s, at + f.offset()));
            }
            return sb.append('}').toString();
        }
        if (t instanceof Type.ArrayOf a) return elements(a.element(), s, at, a.size());
        Type.ListOf l = (Type.ListOf) t;
        return elements(l.element(), s, at + 1, Math.min(Math.max(v, 0), l.capacity()));
    }

    private String elements(Type el, int[] s, int first, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            sb.append(show(el, s, first + i * el.slots()));
        }
        return sb.append(']').toString();
    }

    /** ctx#2 style: the struct's name and the object's number in its pool. */
    static String pointer(String struct, int v) { return v == 0 ? "null" : struct + "#" + v; }

    private String thread(int t) { return t < threadNames.size() ? threadNames.get(t) : "init"; }
}
