/**
 * Conformance: checking recordings of the real system (JSON lines of observations) against a
 * model scenario. Recording reads them; Conformance searches the model for a run that makes exactly
 * a recording's observations; Coverage lists what the model allows and no recording showed;
 * ConformReport renders a result, with the furthest run as a race diagram. On the kernel's side,
 * Translator turns a scenario into an op script, HarnessBuild compiles the C harness that runs it,
 * HarnessRun runs it and ConformRunner judges the runs.
 */
package org.uffdcheck.conform;
