package org.uffdcheck.engine;

import java.util.List;
import java.util.Objects;

/**
 * What a step lets someone outside the model see: a model's observe statement, or a line of a
 * recording of the real system. Two are the same observation exactly when they are equal, so a
 * recorded run is matched against the model by equality alone.
 *
 * @param thread the scenario's name of the thread that observed
 * @param name   the observation's name, as written after observe
 * @param args   each argument as text: a decimal int, true or false, or an enum member's name. No
 *               enum member is a number or a boolean, so the text alone tells them apart.
 */
public record Observation(String thread, String name, List<String> args) {
    public Observation {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /** {@code t: read(0, UFFD_EVENT_UNMAP, 2, 4, 0)}. */
    @Override
    public String toString() {
        return thread + ": " + name + "(" + String.join(", ", args) + ")";
    }
}
