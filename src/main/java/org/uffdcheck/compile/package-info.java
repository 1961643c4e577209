/**
 * Lowers a checked scenario to a transition system over a flat int[] state vector: the layout of
 * globals and thread stacks, instructions with guards, and successor generation.
 */
package org.uffdcheck.compile;
