package org.uffdcheck.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;
import org.uffdcheck.engine.PropertyId;

/**
 * Counterexamples as JSON in the Informal Trace Format (ITF) of Apalache and Quint: "vars" lists
 * the globals, each entry of "states" holds their values; what ITF has no place for (the scenario,
 * the property, the step that led to a state, where each thread stands and its locals) goes in the
 * "#meta" objects, which ITF readers ignore. docs/trace-format.md is the reference.
 *
 * The objects of a model with pools are one more variable, HEAP, a record from object name to the
 * object's fields: the names pointers show, so a reader follows a pointer by looking its value up
 * there. The "::" keeps it apart from any global (no identifier has one), as Quint's "mbt::" does.
 */
public final class JsonTrace {
    /** Bumped when a reader of an older file would misread a newer one: 2 added the heap and named pointers. */
    public static final int FORMAT_VERSION = 2;
    public static final String HEAP = "uffdcheck::heap";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonTrace() {}

    /** One counterexample as one ITF trace; several as a JSON array of them. */
    public static String write(List<Counterexample> all) {
        JsonNode root;
        if (all.size() == 1) {
            root = itf(all.get(0));
        } else {
            ArrayNode a = JsonValues.F.arrayNode();
            for (Counterexample cx : all) a.add(itf(cx));
            root = a;
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode itf(Counterexample cx) {
        CompiledScenario cs = cx.scenario();
        Describer d = cs.describer();
        JsonValues values = new JsonValues(cs);
        ObjectNode root = JsonValues.F.objectNode();
        ObjectNode meta = root.putObject("#meta");
        meta.put("format", "ITF");
        meta.put("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
        meta.put("source", cx.modelFile());
        meta.put("description", "uffdcheck counterexample: " + cx.property() + " in scenario " + cs.info().name());
        ObjectNode u = meta.putObject("uffdcheck");
        u.put("format-version", FORMAT_VERSION);
        u.put("model", cx.modelFile());
        u.put("scenario", cs.info().name());
        ArrayNode threads = u.putArray("threads");
        for (int t = 0; t < cs.threadCount(); t++) threads.add(cs.threadName(t));
        u.put("property", cx.property());
        u.put("kind", cx.kind().json());
        if (cx.id().kind() == PropertyId.Kind.FAULT) u.put("fault", cx.id().fault().kind);
        u.put("explanation", cx.explanation());
        u.put("expected", cs.info().expect().show());
        // ITF's loop: the run goes on from states[loop] for ever; the last state is that state again.
        if (cx.trace().lasso()) {
            root.put("loop", cx.trace().loop());
            u.put("fairness", cx.fairness().spelling());
        }
        ArrayNode vars = root.putArray("vars");
        List<Describer.Var> globals = d.globals();
        for (Describer.Var g : globals) vars.add(g.name());
        boolean heap = d.hasHeap();
        if (heap) vars.add(HEAP);
        ArrayNode states = root.putArray("states");
        List<int[]> ss = cx.trace().states();
        for (int i = 0; i < ss.size(); i++) {
            int[] s = ss.get(i);
            ObjectNode st = states.addObject();
            ObjectNode sm = st.putObject("#meta");
            sm.put("index", i);
            if (i > 0) sm.set("step", step(cx.steps().get(i - 1)));
            sm.set("threads", threads(cs, d, values, s));
            for (Describer.Var g : globals) st.set(g.name(), values.of(g.type(), s, g.at()));
            if (heap) heap(d, values, s, st.putObject(HEAP), sm.putObject("objects"));
        }
        return root;
    }

    /** The live objects' fields into heap; every object's status (freed ones too) into objects. */
    private static void heap(Describer d, JsonValues values, int[] s, ObjectNode heap, ObjectNode objects) {
        for (Describer.HeapObject o : d.heap(s)) {
            ObjectNode status = objects.putObject(o.name());
            status.put("status", o.status());
            if (o.thread() != null) status.put("thread", o.thread());
            if (!o.freed()) heap.set(o.name(), values.of(o.type(), s, o.at()));
        }
    }

    private static ObjectNode step(TraceStep s) {
        ObjectNode o = JsonValues.F.objectNode();
        o.put("number", s.number());
        o.put("thread", s.threadName());
        o.put("proc", s.proc());
        o.put("file", s.file());
        o.put("line", s.line());
        o.put("statement", s.statement());
        ArrayNode ch = o.putArray("changes");
        for (String c : s.changes()) ch.add(c);
        ArrayNode ef = o.putArray("effects");
        for (Effect e : s.effects()) {
            ObjectNode eo = ef.addObject();
            eo.put("kind", e.kind().json());
            eo.put("target", e.target());
            eo.put("detail", e.detail());
        }
        if (s.fault() == null) o.putNull("fault");
        else o.put("fault", s.fault());
        o.put("shared", s.shared());
        return o;
    }

    private static ObjectNode threads(CompiledScenario cs, Describer d, JsonValues values, int[] s) {
        ObjectNode out = JsonValues.F.objectNode();
        boolean[] canMove = RaceDiagram.canMove(cs, s);
        boolean faulted = cs.fault(s) != null;
        for (int t = 0; t < cs.threadCount(); t++) {
            ObjectNode th = out.putObject(cs.threadName(t));
            List<Describer.Frame> frames = d.frames(s, t);
            th.put("status", frames.isEmpty() ? "finished" : faulted ? "stopped" : canMove[t] ? "runnable" : "blocked");
            ArrayNode fa = th.putArray("frames");
            for (Describer.Frame f : frames) {
                ObjectNode fo = fa.addObject();
                fo.put("proc", f.proc());
                fo.put("file", f.file());
                fo.put("line", f.line());
                fo.put("statement", f.statement());
                ObjectNode vars = fo.putObject("vars");
                for (Describer.Var v : f.vars()) vars.set(v.name(), values.of(v.type(), s, v.at()));
            }
        }
        return out;
    }
}
