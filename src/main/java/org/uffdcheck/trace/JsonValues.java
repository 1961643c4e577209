package org.uffdcheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;
import org.uffdcheck.compile.LockWord;
import org.uffdcheck.lang.check.Type;

/**
 * Values of the state as ITF values: booleans, integers and refcounts as JSON ones, enum members
 * as strings, structs as records (objects), arrays and lists as JSON arrays (ITF sequences), locks
 * as readable records {"held": "free" | "read" | "write" | "locked", "by": [thread names]}, a
 * pointer as the name of its object ("userfaultfd_ctx#1") or "null", a task as its thread's name or
 * "none". ITF has no null value, hence the strings.
 */
final class JsonValues {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final CompiledScenario cs;

    JsonValues(CompiledScenario cs) { this.cs = cs; }

    JsonNode of(Type t, int[] s, int at) {
        int v = s[at];
        if (t instanceof Type.Bool) return F.booleanNode(v != 0);
        if (t instanceof Type.Int || t instanceof Type.Refcount || t instanceof Type.Atomic) return F.numberNode(v);
        if (t instanceof Type.Pointer p) return F.textNode(Describer.objectName(p.target(), v));
        if (t instanceof Type.Null) return F.textNode("null");
        if (t instanceof Type.Task) return F.textNode(v == 0 ? "none" : thread(v - 1));
        if (t instanceof Type.Enum e) return F.textNode(v >= 0 && v < e.members().size() ? e.members().get(v) : "?" + v);
        if (t instanceof Type.RwSem) {
            if (v == LockWord.FREE) return lock("free");
            if (LockWord.writeLocked(v)) return lock("write", LockWord.writer(v));
            ObjectNode o = lock("read");
            ArrayNode by = (ArrayNode) o.get("by");
            for (int b = 0; b < LockWord.READER_BITS; b++) if (LockWord.readBy(v, b)) by.add(thread(b));
            return o;
        }
        if (t instanceof Type.SpinLock) return v == LockWord.FREE ? lock("free") : lock("locked", LockWord.spinHolder(v));
        if (t instanceof Type.Struct st) {
            ObjectNode o = F.objectNode();
            for (Type.Field f : st.fields()) o.set(f.name(), of(f.type(), s, at + f.offset()));
            return o;
        }
        if (t instanceof Type.ArrayOf a) return elements(a.element(), s, at, a.size());
        if (t instanceof Type.ListOf l) return elements(l.element(), s, at + 1, Math.min(Math.max(v, 0), l.capacity()));
        return F.objectNode().put("#unserializable", t.show());
    }

    private ArrayNode elements(Type el, int[] s, int first, int n) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < n; i++) a.add(of(el, s, first + i * el.slots()));
        return a;
    }

    private ObjectNode lock(String held, int... holders) {
        ObjectNode o = F.objectNode();
        o.put("held", held);
        ArrayNode by = o.putArray("by");
        for (int h : holders) by.add(thread(h));
        return o;
    }

    /** The scenario's name for thread t; the scenario's init code runs as one more thread. */
    private String thread(int t) { return t < cs.threadCount() ? cs.threadName(t) : "init"; }
}
