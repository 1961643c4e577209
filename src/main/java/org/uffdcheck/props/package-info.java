/**
 * What is checked on every state (runtime faults, invariants, deadlock and reachability), what
 * identifies a violated property, and the one judgement of a state that searches, counterexamples
 * and replay share.
 */
package org.uffdcheck.props;
