/** Counterexamples: rebuilding the steps of a trace and printing them for people. */
package org.uffdcheck.trace;
