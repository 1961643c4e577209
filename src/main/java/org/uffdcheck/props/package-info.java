/** What is checked on every state: runtime faults, invariants, deadlock and reachability. */
package org.uffdcheck.props;
