/**
 * Compact storage for explicit-state search: fingerprints of state vectors, the visited sets
 * (an exact off-heap fingerprint table that several threads fill at once, and a bit-state array),
 * five-byte parent links for rebuilding traces, and chunked primitive lists, stacks and a queue
 * that spills to disk; and the memory budget every store asks before it grows. Knows nothing about
 * models or properties.
 */
package org.uffdcheck.state;
