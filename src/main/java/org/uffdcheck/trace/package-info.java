/**
 * Counterexamples for people and tools: naming the steps of a trace (Counterexample, TraceStep,
 * Effect), rendering them as a race diagram (RaceDiagram), as ITF JSON (JsonTrace) and as an HTML
 * page with an SVG sequence chart (HtmlReport), and replaying a recorded trace against a model as
 * it is now (RecordedTrace, TraceReplay). TextTrace keeps the numbered-list form.
 */
package org.uffdcheck.trace;
