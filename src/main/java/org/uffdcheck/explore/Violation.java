package org.uffdcheck.explore;

/** A violated property and a shortest trace to a state violating it (null for "never reached"). */
public record Violation(String property, Trace trace) {}
