package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The liveness toy as a user checks it: verdicts per fairness, and the lasso in text and JSON. */
class LivenessCliTest {
    private static final String SPINNER = "models/toys/liveness_spinner.uffd";

    @TempDir
    Path dir;

    @Test
    void spinnerHoldsUnderWeakAndStrongFairness() {
        for (String f : new String[] {"weak", "strong"}) {
            CliTest.Result r = CliTest.run("check", SPINNER, "--scenario", "fair", "--fairness", f);
            assertEquals(Main.HOLDS, r.code(), r.all());
        }
        assertEquals(Main.HOLDS, CliTest.run("check", SPINNER, "--scenario", "fair").code());
    }

    @Test
    void withoutFairnessTheSpinnerSpinsAndTheSetterNeverMoves() throws Exception {
        Path json = dir.resolve("t.json");
        CliTest.Result r = CliTest.run("check", SPINNER, "--scenario", "fair", "--fairness", "none",
                "--trace-json", json.toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("violation spinner_done"), r.out());
        assertTrue(r.out().contains("-- cycle: steps 1-"), r.out());
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        int loop = root.get("loop").asInt();
        JsonNode states = root.get("states");
        for (String v : new String[] {"flag", "done"}) {
            assertEquals(states.get(loop).get(v), states.get(states.size() - 1).get(v), "the cycle closes on " + v);
        }
        assertEquals("false", states.get(states.size() - 1).get("done").asText());
        for (int i = 1; i < states.size(); i++) {
            assertEquals("s", states.get(i).get("#meta").get("step").get("thread").asText(), "step " + i);
        }
        assertEquals("liveness", root.get("#meta").get("uffdcheck").get("kind").asText());
    }

    @Test
    void aLivenessPropertyWithSymmetryIsALocatedError() {
        CliTest.Result r = CliTest.run("check", SPINNER, "--scenario", "fair", "--merge-local");
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("liveness_spinner.uffd:11:12: error: scenario fair checks eventually spinner_done, "
                + "which --merge-local cannot judge"), r.err());
    }
}
