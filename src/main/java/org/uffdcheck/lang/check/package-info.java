/** The type checker: resolves names, types every expression, checks procedures and scenarios. */
package org.uffdcheck.lang.check;
