/** Syntax trees of model files, as records under sealed interfaces. */
package org.uffdcheck.lang.ast;
