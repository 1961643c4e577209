package org.uffdcheck.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.uffdcheck.engine.Observation;

/**
 * One run of the harness as it printed it: the observations in seq order, the threads it reported
 * blocked (a call that never returned), killed (the scenario's kill) or gone (their process ended
 * under them), and its own errors. failure is null for a
 * complete run, else what went wrong (a set-up error, a crash, a timeout).
 */
public record HarnessOutput(List<Recorded> observations, List<Blocked> blocked, List<String> killed, List<String> gone,
                            List<String> errors, String unavailable, List<String> lines) {
    public HarnessOutput {
        observations = List.copyOf(observations);
        blocked = List.copyOf(blocked);
        killed = List.copyOf(killed);
        gone = List.copyOf(gone);
        errors = List.copyOf(errors);
        lines = List.copyOf(lines);
    }

    /** One observation line: args as text, numbers in decimal and enum members by name. */
    public record Recorded(long seq, String thread, String name, List<String> args) {
        public Observation observation() { return new Observation(thread, name, args); }

        @Override
        public String toString() {
            return thread + ": " + name + "(" + String.join(", ", args) + ")";
        }
    }

    /** A thread whose op (0-based, in its op list) never returned; started false: its process never came to be. */
    public record Blocked(String thread, int op, String call, boolean started, String wchan) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the harness's output; a line that is not what the harness writes is an error of the run. */
    public static HarnessOutput parse(List<String> lines) {
        List<Recorded> obs = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        List<String> killed = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String unavailable = null;
        for (String line : lines) {
            if (line.isBlank()) continue;
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (Exception e) {
                errors.add("unreadable harness output: " + line);
                continue;
            }
            if (n == null || !n.isObject()) {
                errors.add("unreadable harness output: " + line);
            } else if (n.has("seq") && n.has("obs")) {
                List<String> args = new ArrayList<>();
                for (JsonNode a : n.path("args")) args.add(a.isTextual() ? a.asText() : a.toString());
                obs.add(new Recorded(n.get("seq").asLong(), n.path("thread").asText(), n.get("obs").asText(), args));
            } else if ("harness_error".equals(n.path("obs").asText())) {
                errors.add(n.path("message").asText());
            } else {
                switch (n.path("harness").asText()) {
                    case "blocked" -> blocked.add(new Blocked(n.path("thread").asText(), n.path("op").asInt(),
                            n.path("call").asText(), n.path("started").asBoolean(), n.path("wchan").asText()));
                    case "killed" -> killed.add(n.path("thread").asText());
                    case "gone" -> gone.add(n.path("thread").asText());
                    case "unavailable" -> unavailable = n.path("reason").asText();
                    default -> { }
                }
            }
        }
        obs.sort(Comparator.comparingLong(Recorded::seq));
        return new HarnessOutput(obs, blocked, killed, gone, errors, unavailable, lines);
    }

    public boolean failed() { return !errors.isEmpty() || unavailable != null; }

    /** The run as a key: two runs are the same recording when they observed and blocked alike. */
    public String key() {
        StringBuilder sb = new StringBuilder();
        for (Recorded r : observations) sb.append(r).append('\n');
        for (Blocked b : blocked) sb.append("blocked ").append(b.thread()).append(' ').append(b.op()).append('\n');
        for (String k : killed) sb.append("killed ").append(k).append('\n');
        for (String g : gone) sb.append("gone ").append(g).append('\n');
        return sb.toString();
    }
}
