/**
 * Walks the state space of a transition system — exhaustively breadth-first (with one or more
 * workers) or depth-first, with an exact or a bit-state visited set, or by random simulation —
 * asking the state checks about every state it reaches, and returns a verdict with replayable
 * traces. It knows models only through the contracts in engine, never the compiler.
 */
package org.uffdcheck.explore;
