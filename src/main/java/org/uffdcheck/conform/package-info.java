/**
 * Conformance: checking recordings of the real system (JSON lines of observations) against a
 * model scenario. Recording reads them; Conformance searches the model for a run that makes exactly
 * a recording's observations; Coverage lists what the model allows and no recording showed;
 * ConformReport renders a result, with the furthest run as a race diagram.
 */
package org.uffdcheck.conform;
