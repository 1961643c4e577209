/** The uffdcheck command: check, test and replay, exit codes, progress, interruption and trace files. */
package org.uffdcheck.cli;
