/**
 * Conformance of a model to the live kernel: a scenario's operations as an op script, the C
 * harness that runs them and records what they observe, and the runs judged against the model.
 */
package org.uffdcheck.conform;
