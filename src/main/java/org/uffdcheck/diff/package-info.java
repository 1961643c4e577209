/**
 * What tells two models apart as user space sees them: each scenario's state graph with its
 * observations (ObservedGraph, Lts), internal steps compressed (Compressed: InternalSccs, then
 * Branching), and the comparison of observable traces and stable failures both ways, breadth first
 * so that the difference found is a shortest one (Comparison); then the run of each side up to it
 * (Runs, ScenarioDiff) and the report (DiffReport).
 */
package org.uffdcheck.diff;
