package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.uffdcheck.conform.Models.obs;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's JSON lines as observations: order by seq, notes apart, located errors. */
class RecordingTest {
    @Test
    void linesBecomeObservationsInSeqOrder() {
        Recording r = Recording.parse("run.jsonl", List.of(
                "{\"seq\": 9, \"thread\": \"p\", \"obs\": \"munmap\", \"args\": [0]}",
                "",
                "{\"seq\": 7, \"thread\": \"mon\", \"obs\": \"read\", \"args\": [0, \"UFFD_EVENT_UNMAP\", 2, 4, 0]}",
                "{\"seq\": 8, \"obs\": \"harness_error\", \"what\": \"slow\"}",
                "{\"note\": \"kernel 6.12\"}",
                "{\"seq\": 10, \"thread\": \"t\", \"obs\": \"flag\", \"args\": [true, -14]}"));
        assertEquals(List.of(obs("mon: read(0, UFFD_EVENT_UNMAP, 2, 4, 0)"), obs("p: munmap(0)"), obs("t: flag(true, -14)")),
                r.observations());
        assertEquals(List.of(3, 1, 6), r.lines());
        assertEquals(2, r.notes().size());
    }

    @Test
    void aMalformedLineIsNamed() {
        assertEquals("run.jsonl:2: not a JSON object", error("{\"seq\": 1, \"thread\": \"p\", \"obs\": \"exit\", \"args\": []}", "[1]"));
        assertEquals("run.jsonl:1: seq: expected an integer", error("{\"thread\": \"p\", \"obs\": \"exit\", \"args\": []}"));
        assertEquals("run.jsonl:1: args: expected an array", error("{\"seq\": 1, \"thread\": \"p\", \"obs\": \"exit\"}"));
        assertEquals("run.jsonl:1: thread: expected a non-empty string", error("{\"seq\": 1, \"obs\": \"exit\", \"args\": []}"));
        assertEquals("run.jsonl:1: args[0]: expected a 32-bit integer, found 4294967296",
                error("{\"seq\": 1, \"thread\": \"p\", \"obs\": \"x\", \"args\": [4294967296]}"));
        assertEquals("run.jsonl:1: args[0]: expected a number, true, false or an enum member's name, found \"2\"",
                error("{\"seq\": 1, \"thread\": \"p\", \"obs\": \"x\", \"args\": [\"2\"]}"));
        assertEquals("run.jsonl:2: seq 1 appears twice", error("{\"seq\": 1, \"thread\": \"p\", \"obs\": \"exit\", \"args\": []}",
                "{\"seq\": 1, \"thread\": \"q\", \"obs\": \"exit\", \"args\": []}"));
        String notJson = error("{\"seq\": 1,");
        assertEquals(true, notJson.startsWith("run.jsonl:1: not JSON: "), notJson);
    }

    private static String error(String... lines) {
        return assertThrows(RecordingException.class, () -> Recording.parse("run.jsonl", List.of(lines))).getMessage();
    }
}
