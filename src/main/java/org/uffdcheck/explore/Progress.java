package org.uffdcheck.explore;

/** A snapshot of a running search, safe to read from another thread. */
public record Progress(long states, long transitions, int depth, long queued, double seconds) {}
