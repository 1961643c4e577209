package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's lines as a recording: observations in seq order, its own reports apart. */
class HarnessOutputTest {
    private static final List<String> LINES = List.of(
            "{\"seq\": 2, \"thread\": \"unmap\", \"obs\": \"munmap\", \"args\": [0]}",
            "{\"seq\": 1, \"thread\": \"mon\", \"obs\": \"read\", \"args\": [0, \"UFFD_EVENT_UNMAP\", 0, 4, 0]}",
            "{\"harness\": \"blocked\", \"thread\": \"mon\", \"op\": 1, \"call\": \"read\", \"started\": true, "
                    + "\"wchan\": \"userfaultfd_read_iter\"}",
            "{\"harness\": \"killed\", \"thread\": \"t\", \"op\": 0}",
            "{\"harness\": \"end\", \"scenario\": \"s\", \"observations\": 2, \"ms\": 160}");

    @Test
    void observationsComeInSeqOrderWithTheirArgumentsAsText() {
        HarnessOutput r = HarnessOutput.parse(LINES);
        assertEquals(List.of("mon: read(0, UFFD_EVENT_UNMAP, 0, 4, 0)", "unmap: munmap(0)"),
                r.observations().stream().map(Object::toString).toList());
        assertEquals(List.of(new HarnessOutput.Blocked("mon", 1, "read", true, "userfaultfd_read_iter")), r.blocked());
        assertEquals(List.of("t"), r.killed());
        assertFalse(r.failed());
    }

    @Test
    void harnessErrorsAndUnreadableLinesFailTheRun() {
        HarnessOutput r = HarnessOutput.parse(List.of("{\"obs\": \"harness_error\", \"pid\": 3, \"message\": \"set-up: mmap\"}",
                "Segmentation fault"));
        assertEquals(List.of("set-up: mmap", "unreadable harness output: Segmentation fault"), r.errors());
        assertTrue(r.failed());
    }

    @Test
    void unavailableSaysWhy() {
        HarnessOutput r = HarnessOutput.parse(List.of("{\"harness\": \"unavailable\", \"reason\": \"no permission\"}"));
        assertEquals("no permission", r.unavailable());
        assertTrue(r.failed());
    }

    @Test
    void theKeyTellsRunsApartByWhatTheyObservedAndWhereTheyBlocked() {
        HarnessOutput a = HarnessOutput.parse(LINES);
        HarnessOutput b = HarnessOutput.parse(LINES.subList(0, 2));
        assertEquals(a.key(), HarnessOutput.parse(LINES).key());
        assertNotEquals(a.key(), b.key());
    }
}
