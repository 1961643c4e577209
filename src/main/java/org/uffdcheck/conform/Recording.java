package org.uffdcheck.conform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.uffdcheck.engine.Observation;

/**
 * What a harness run saw, in the order it happened: the observations of its JSON lines, ordered by
 * their seq (the processes of a run write one file each, or one file out of order). The harness's
 * own reports (obs harness_error, or no obs at all) are kept apart as notes.
 *
 * @param source       the file or stream named in messages
 * @param observations in seq order
 * @param lines        per observation, the line of source it came from
 * @param notes        the harness's own lines, as written
 */
public record Recording(String source, List<Observation> observations, List<Integer> lines, List<String> notes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Recording {
        observations = List.copyOf(observations);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** A recording written by hand or by a test: the observations in this order. */
    public static Recording of(String source, List<Observation> observations) {
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) lines.add(i + 1);
        return new Recording(source, observations, lines, List.of());
    }

    public int size() { return observations.size(); }

    public Observation get(int i) { return observations.get(i); }

    /** Reads a recording file; a malformed line is a RecordingException naming it. */
    public static Recording read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses JSON lines; blank lines are skipped. */
    public static Recording parse(String source, List<String> text) {
        record Line(long seq, int line, Observation obs) {}
        List<Line> read = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        java.util.Set<Long> seqs = new java.util.HashSet<>();
        for (int i = 0; i < text.size(); i++) {
            String raw = text.get(i).strip();
            int line = i + 1;
            if (raw.isEmpty()) continue;
            JsonNode n;
            try {
                n = MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new RecordingException(source, line, "not JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) throw new RecordingException(source, line, "not a JSON object");
            JsonNode obs = n.get("obs");
            if (obs == null || obs.isTextual() && obs.asText().equals("harness_error")) {
                notes.add(raw);
                continue;
            }
            long seq = integer(n.get("seq"), source, line, "seq");
            if (!seqs.add(seq)) throw new RecordingException(source, line, "seq " + seq + " appears twice");
            read.add(new Line(seq, line, observation(n, source, line)));
        }
        read.sort(Comparator.comparingLong(Line::seq));
        List<Observation> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Line l : read) {
            out.add(l.obs());
            lines.add(l.line());
        }
        return new Recording(source, out, lines, notes);
    }

    private static Observation observation(JsonNode n, String source, int line) {
        String thread = text(n.get("thread"), source, line, "thread");
        String name = text(n.get("obs"), source, line, "obs");
        JsonNode args = n.get("args");
        if (args == null || !args.isArray()) throw new RecordingException(source, line, "args: expected an array");
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            JsonNode a = args.get(k);
            String what = "args[" + k + "]";
            if (a.isBoolean()) shown.add(Boolean.toString(a.asBoolean()));
            else if (a.isTextual() && isName(a.asText())) shown.add(a.asText());
            else if (a.isNumber()) shown.add(Long.toString(intValue(a, source, line, what)));
            else throw new RecordingException(source, line, what + ": expected a number, true, false or an enum member's name, found " + a);
        }
        return new Observation(thread, name, shown);
    }

    /** An enum member's name: an identifier that is not a boolean (no number can be one). */
    private static boolean isName(String s) {
        if (s.isEmpty() || s.equals("true") || s.equals("false")) return false;
        if (!(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    private static String text(JsonNode v, String source, int line, String key) {
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new RecordingException(source, line, key + ": expected a non-empty string");
        }
        return v.asText();
    }

    private static long integer(JsonNode v, String source, int line, String key) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new RecordingException(source, line, key + ": expected an integer");
        }
        return v.asLong();
    }

    /** Model values are 32-bit ints: anything else cannot be an observation of the model. */
    private static int intValue(JsonNode v, String source, int line, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new RecordingException(source, line, key + ": expected a 32-bit integer, found " + v);
        }
        return v.asInt();
    }
}
