/**
 * Walks the state space of a transition system — exhaustively breadth-first (with one or more
 * workers) or depth-first, with an exact or a bit-state visited set, or by random simulation —
 * asking the state checks about every state it reaches, and returns a verdict with replayable
 * traces. It knows models only through the contracts in engine, never the compiler.
 *
 * <p>Each strategy is a {@link org.uffdcheck.explore.Search} that keeps only its frontier;
 * Explorer chooses one per mode, and the limits, stop requests, memory bounds, visited sets,
 * witnesses and verdicts they share are defined once (RunControl, Findings, LabelWitnesses, Verdict).
 */
package org.uffdcheck.explore;
