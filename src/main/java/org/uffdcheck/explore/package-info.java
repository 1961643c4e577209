/**
 * Walks the state space of a transition system — exhaustively breadth- or depth-first, or by
 * random simulation — asking the state checks about every state it reaches, and returns a verdict
 * with a replayable trace.
 */
package org.uffdcheck.explore;
