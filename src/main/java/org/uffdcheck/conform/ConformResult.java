package org.uffdcheck.conform;

import java.util.List;
import java.util.Set;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Observation;

/** What checking one recording against a model scenario found. */
public sealed interface ConformResult {
    /** Pairs of a model state and a position in the recording that the search visited. */
    long states();

    /** How many observations of the recording (a prefix) the model matched. */
    int matched();

    /**
     * The model has a run whose observations are exactly the recording's and that ends with the
     * threads required to finish finished. run is the shortest such run; observedAt.get(i) is the
     * step (0-based) of run that made observation i.
     */
    record Conforms(long states, int matched, Execution run, List<Integer> observedAt) implements ConformResult {}

    /**
     * No run of the model matches. matched observations of the recording are the longest prefix any
     * run matches; prefix is the shortest run that matches them. unmatched is the next recorded
     * observation, which no run can make there, or null when the whole recording matched but no run
     * can then rest as the harness's run ended (docs/conformance.md, quiescence). instead is what
     * runs that matched the prefix could observe next. rest says, when unmatched is null, why no
     * run can rest; prefix then ends where the model would rest but for what instead holds.
     */
    record Refuted(long states, int matched, Observation unmatched, Set<Observation> instead, Execution prefix,
                   List<Integer> observedAt, String rest) implements ConformResult {}

    /** The search stopped at its state bound before deciding; matched is the longest prefix so far. */
    record BoundReached(long states, int matched, long limit) implements ConformResult {}
}
