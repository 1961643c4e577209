package org.uffdcheck.explore;

import org.uffdcheck.engine.ExploreResult;

/**
 * One search strategy: what it keeps is its frontier and how it walks it. Limits, stop requests,
 * progress and the memory budget come from RunControl, witnesses found along label paths from
 * LabelWitnesses, the visited set from RunControl.visitedSet, and the result from Verdict, so the
 * strategies cannot disagree about what a bound, an interruption or a bit-state run means.
 */
interface Search {
    ExploreResult run();
}
