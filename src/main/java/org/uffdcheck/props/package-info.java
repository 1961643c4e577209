/**
 * The state checks of a compiled scenario (runtime faults, invariants, deadlock and reachability,
 * answering the engine's StateChecks contract), and the one judgement of a state that searches,
 * counterexamples and replay share.
 */
package org.uffdcheck.props;
