/**
 * Compact storage for explicit-state search: fingerprints of state vectors, the set of
 * fingerprints already seen, and chunked primitive lists and queues that can outgrow a single
 * Java array. Knows nothing about models or properties.
 */
package org.uffdcheck.state;
