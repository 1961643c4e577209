/** The uffdcheck command: check and test, exit codes, progress and interruption. */
package org.uffdcheck.cli;
