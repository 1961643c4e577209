package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTraceTest {
    private static final ObjectMapper M = new ObjectMapper();

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
}
