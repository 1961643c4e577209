package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.compile.CompiledScenario;

class JsonTraceTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void followsTheInformalTraceFormat() throws Exception {
        Counterexample cx = Counterexamples.of(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        JsonNode t = M.readTree(JsonTrace.write(List.of(cx)));
        assertEquals("ITF", t.at("/#meta/format").asText());
        JsonNode u = t.at("/#meta/uffdcheck");
        assertEquals("fork_waits_under_mmap_sem", u.get("scenario").asText());
        assertEquals("deadlock", u.get("property").asText());
        assertEquals("deadlock", u.get("kind").asText());
        assertEquals(List.of("forker", "monitor"), List.of(u.get("threads").get(0).asText(), u.get("threads").get(1).asText()));
        JsonNode vars = t.get("vars");
        JsonNode states = t.get("states");
        assertEquals(cx.steps().size() + 1, states.size());
        for (int i = 0; i < states.size(); i++) {
            JsonNode s = states.get(i);
            assertEquals(i, s.at("/#meta/index").asInt());
            for (JsonNode v : vars) assertTrue(s.has(v.asText()), "state " + i + " lacks " + v);
            assertEquals(vars.size() + 1, s.size(), "a state holds exactly the vars and #meta");
            assertEquals(2, s.at("/#meta/threads").size());
            if (i > 0) {
                TraceStep st = cx.steps().get(i - 1);
                assertEquals(st.threadName(), s.at("/#meta/step/thread").asText());
                assertEquals(st.statement(), s.at("/#meta/step/statement").asText());
                assertEquals(st.line(), s.at("/#meta/step/line").asInt());
            }
        }
    }

    @Test
    void valuesAreReadable() throws Exception {
        Counterexample cx = Counterexamples.of(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        JsonNode last = M.readTree(JsonTrace.write(List.of(cx))).get("states").get(cx.steps().size());
        assertEquals("write", last.at("/mmap_sem/held").asText());
        assertEquals("forker", last.at("/mmap_sem/by/0").asText());
        assertTrue(last.get("event_wqh").isArray());
        assertEquals("UFFD_EVENT_FORK", last.get("event_wqh").get(0).asText());
        assertTrue(last.get("fork_read").isBoolean());
        assertTrue(last.get("copied").isInt());
        assertEquals("blocked", last.at("/#meta/threads/forker/status").asText());
    }

    @Test
    void severalCounterexamplesMakeAnArrayThatReadsBack() {
        Counterexample a = Counterexamples.of(Counterexamples.ABBA, "abba");
        Counterexample b = Counterexamples.of(Counterexamples.PETERSON_BROKEN, "swapped_writes");
        List<RecordedTrace> back = RecordedTrace.parse(JsonTrace.write(List.of(a, b)));
        assertEquals(2, back.size());
        assertEquals("deadlock", back.get(0).property());
        assertEquals("mutex", back.get(1).property());
        assertEquals(b.steps().size(), back.get(1).steps().size());
        for (int i = 0; i < b.steps().size(); i++) {
            assertEquals(b.steps().get(i).statement(), back.get(1).steps().get(i).statement());
            assertEquals(b.steps().get(i).threadName(), back.get(1).steps().get(i).thread());
        }
    }

    @Test
    void aFileThatIsNoTraceIsRejectedWithAReason() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RecordedTrace.parse("{\"vars\": []}"));
        assertTrue(e.getMessage().contains("#meta"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RecordedTrace.parse("{"));
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
    }

    @Test
    void aKernelCounterexampleCarriesEveryObjectAndNamesItsPointers() throws Exception {
        CompiledScenario cs = Counterexamples.compile(Counterexamples.UNMAP_MUTANT, "unmap_under_mmap_sem");
        Counterexample cx = Counterexamples.of(cs);
        String json = JsonTrace.write(List.of(cx));
        assertFalse(json.contains("#unserializable"), "every value has a JSON form");
        JsonNode t = M.readTree(json);
        assertEquals(JsonTrace.HEAP, t.get("vars").get(t.get("vars").size() - 1).asText());
        for (JsonNode s : t.get("states")) {
            JsonNode heap = s.get(JsonTrace.HEAP);
            assertTrue(heap.isObject(), "every state holds the heap");
            heap.fieldNames().forEachRemaining(name ->
                    assertTrue(s.at("/#meta/objects").has(name), "a status for every object: " + name));
        }
        JsonNode last = t.get("states").get(cx.steps().size());
        JsonNode ctx = last.get(JsonTrace.HEAP).get("userfaultfd_ctx#1");
        assertEquals(2, ctx.get("refcount").asInt(), ctx.toString());
        assertEquals("mm_struct#1", ctx.get("mm").asText(), "a pointer field names its object");
        assertEquals("userfaultfd_wait_queue#1", ctx.at("/event_wqh/head/0").asText());
        assertEquals("userfaultfd_ctx#1", last.at("/mon/0/ctx").asText(), "a pointer in a global names its object");
        assertEquals("write", last.at("/" + JsonTrace.HEAP + "/mm_struct#1/mmap_sem/held").asText());
        assertEquals("live", last.at("/#meta/objects/userfaultfd_ctx#1/status").asText());
        assertEquals("stack", last.at("/#meta/objects/unmap_ctx_list#1/status").asText());
        assertEquals("munmap", last.at("/#meta/objects/unmap_ctx_list#1/thread").asText());
        assertFalse(t.get("states").get(0).get(JsonTrace.HEAP).has("userfaultfd_unmap_ctx#1"), "not yet allocated");

        TraceReplay.Outcome back = new TraceReplay(cs).replay(RecordedTrace.parse(json).get(0));
        assertTrue(back.reproduced(), back.verdict());
        assertEquals(List.of(), back.notes(), "every recorded value agrees with the replayed one");
    }

    @Test
    void freedObjectsLeaveTheHeapAndKeepTheirStatus() throws Exception {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.HEAP, "publish_early"));
        JsonNode last = M.readTree(JsonTrace.write(List.of(cx))).get("states").get(cx.steps().size());
        JsonNode heap = last.get(JsonTrace.HEAP);
        assertEquals(List.of("ctx#1", "page_table#1"), names(heap));
        assertEquals("freed", last.at("/#meta/objects/ctx#2/status").asText());
        assertEquals("null", heap.at("/ctx#1/peer").asText(), "ITF has no null: a null pointer is the name null");
        assertEquals("w", heap.at("/ctx#1/owner").asText(), "a task is its thread's name");
        assertEquals("page_table#1", heap.at("/ctx#1/table").asText());
        assertTrue(heap.at("/page_table#1/pages/7").asBoolean());
        assertEquals("w", last.at("/#meta/objects/page_table#1/thread").asText());
        assertEquals("ctx#2", last.at("/#meta/threads/w/frames/0/vars/b").asText(), "a stale pointer still names its object");
    }

    @Test
    void aModelWithoutPoolsHasNoHeapVariable() throws Exception {
        JsonNode t = M.readTree(JsonTrace.write(List.of(Counterexamples.of(Counterexamples.ABBA, "abba"))));
        for (JsonNode v : t.get("vars")) assertFalse(v.asText().equals(JsonTrace.HEAP));
        assertFalse(t.get("states").get(0).has(JsonTrace.HEAP));
    }

    @Test
    void aTraceOfTheFirstFormatWithoutPointerValuesStillReplays() throws Exception {
        CompiledScenario cs = Counterexamples.compileText(dir, Counterexamples.HEAP, "publish_early");
        ObjectNode t = (ObjectNode) M.readTree(JsonTrace.write(List.of(Counterexamples.of(cs))));
        ((ObjectNode) t.at("/#meta/uffdcheck")).put("format-version", 1);
        ArrayNode vars = (ArrayNode) t.get("vars");
        vars.remove(vars.size() - 1);
        for (JsonNode s : t.get("states")) {
            ((ObjectNode) s).remove(JsonTrace.HEAP);
            ((ObjectNode) s).putObject("shared").put("#unserializable", "ctx*");
        }
        TraceReplay.Outcome back = new TraceReplay(cs).replay(RecordedTrace.parse(t.toString()).get(0));
        assertTrue(back.reproduced(), back.verdict());
        assertEquals(List.of(), back.notes(), "a value format 1 could not show is not a difference");
    }

    private static List<String> names(JsonNode record) {
        List<String> out = new java.util.ArrayList<>();
        record.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
