package org.uffdcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    void aLassoReplaysToTheViolationUnderTheFairnessItWasFoundUnder() throws Exception {
        Path json = dir.resolve("t.json");
        CliTest.run("check", SPINNER, "--scenario", "fair", "--fairness", "none", "--trace-json", json.toString());
        assertEquals("none", new ObjectMapper().readTree(Files.readString(json)).at("/#meta/uffdcheck/fairness").asText());
        CliTest.Result r = CliTest.run("replay", json.toString());
        assertEquals(Main.VIOLATION, r.code(), r.all());
        assertTrue(r.out().contains("REPRODUCED: all 2 steps replay and violate spinner_done: steps 1-2 return to state 0"), r.out());
        assertTrue(r.out().contains("-- cycle: steps 1-2 repeat for ever --"), r.out());
    }

    @Test
    void aTamperedLassoIsRefutedNeverAccepted() throws Exception {
        Path json = dir.resolve("t.json");
        CliTest.run("check", SPINNER, "--scenario", "fair", "--fairness", "none", "--trace-json", json.toString());
        ObjectMapper m = new ObjectMapper();
        String text = Files.readString(json);

        ObjectNode weak = (ObjectNode) m.readTree(text);
        ((ObjectNode) weak.at("/#meta/uffdcheck")).put("fairness", "weak");
        assertRefuted(m, weak, "the cycle is not fair under weak fairness: t can move in every state of the cycle and never moves in it");

        ObjectNode shifted = (ObjectNode) m.readTree(text);
        shifted.put("loop", 1);
        assertRefuted(m, shifted, "the cycle does not close: state 2 is not state 1");

        ObjectNode noLoop = (ObjectNode) m.readTree(text);
        noLoop.remove("loop");
        assertRefuted(m, noLoop, "the trace has no \"loop\"");

        ObjectNode ends = (ObjectNode) m.readTree(text);
        ends.put("loop", 2);
        assertRefuted(m, ends, "the run is said to end at step 2, but there s, t can still move");
    }

    private void assertRefuted(ObjectMapper m, ObjectNode trace, String why) throws Exception {
        Path f = dir.resolve("tampered.json");
        Files.writeString(f, m.writeValueAsString(trace));
        CliTest.Result r = CliTest.run("replay", f.toString());
        assertEquals(Main.HOLDS, r.code(), "not reproduced: " + r.all());
        assertTrue(!r.out().contains("REPRODUCED") && r.out().replaceAll("\\s+", " ").contains(why), r.out());
    }

    @Test
    void aLivenessPropertyWithSymmetryIsALocatedError() {
        CliTest.Result r = CliTest.run("check", SPINNER, "--scenario", "fair", "--merge-local");
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("liveness_spinner.uffd:11:12: error: scenario fair checks eventually spinner_done, "
                + "which --merge-local cannot judge"), r.err());
    }
}
