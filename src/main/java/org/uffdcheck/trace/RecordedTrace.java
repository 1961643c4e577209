package org.uffdcheck.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample read back from the JSON that JsonTrace writes: what replay needs of it. fault
 * is the kind of a fault violation (use_after_free), null otherwise. states holds the ITF state objects (index 0 is the initial state); steps.get(i) led to states.get(i + 1).
 * loop is a lasso's ITF loop index, NO_LOOP when the trace has none; fairness is the mode its
 * cycle was judged under, null when the trace does not say.
 */
public record RecordedTrace(String model, String scenario, String property, String kind, String fault, List<String> threads,
                            List<String> vars, List<JsonNode> states, List<Step> steps, int loop, String fairness) {
    public static final int NO_LOOP = -1;

    /** A recorded step: who moved, in which procedure, at which line, running which statement. */
    public record Step(int number, String thread, String proc, String file, int line, String statement) {
        public String describe() { return thread + " runs \"" + statement + "\" in " + proc + " (" + file + ":" + line + ")"; }
    }

    /** Every trace in a file: a single ITF object, or an array of them. Throws IllegalArgumentException on a malformed file. */
    public static List<RecordedTrace> parse(String json) {
        JsonNode root;
        try {
            root = JsonTrace.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        }
        List<RecordedTrace> out = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode t : root) out.add(one(t));
        } else {
            out.add(one(root));
        }
        return out;
    }

    private static RecordedTrace one(JsonNode t) {
        JsonNode u = need(need(t, "#meta"), "uffdcheck");
        int version = need(u, "format-version").asInt();
        if (version > JsonTrace.FORMAT_VERSION) {
            throw new IllegalArgumentException("trace format version " + version + " is newer than this uffdcheck reads ("
                    + JsonTrace.FORMAT_VERSION + ")");
        }
        List<String> threads = strings(need(u, "threads"));
        List<String> vars = strings(need(t, "vars"));
        List<JsonNode> states = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : need(t, "states")) {
            states.add(s);
            JsonNode st = s.path("#meta").path("step");
            if (states.size() == 1) continue;
            if (st.isMissingNode()) throw new IllegalArgumentException("state " + (states.size() - 1) + " has no #meta.step");
            steps.add(new Step(need(st, "number").asInt(), text(st, "thread"), text(st, "proc"), text(st, "file"),
                    need(st, "line").asInt(), text(st, "statement")));
        }
        if (states.isEmpty()) throw new IllegalArgumentException("the trace has no states");
        // Traces written before fault was recorded leave it out: then any fault of the property's name matches.
        String fault = u.hasNonNull("fault") ? u.get("fault").asText() : null;
        int loop = NO_LOOP;
        if (t.has("loop")) {
            JsonNode l = t.get("loop");
            if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 0 || l.asInt() >= states.size()) {
                throw new IllegalArgumentException("\"loop\" must be the index of one of the " + states.size() + " states, got " + l);
            }
            loop = l.asInt();
        }
        String fairness = u.hasNonNull("fairness") ? u.get("fairness").asText() : null;
        return new RecordedTrace(text(u, "model"), text(u, "scenario"), text(u, "property"), text(u, "kind"), fault,
                threads, vars, states, steps, loop, fairness);
    }

    private static JsonNode need(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("not a uffdcheck trace: no \"" + field + "\"");
        return v;
    }

    private static String text(JsonNode n, String field) { return need(n, field).asText(); }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : a) out.add(s.asText());
        return out;
    }
}
