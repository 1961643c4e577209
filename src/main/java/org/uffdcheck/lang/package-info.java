/** The modelling language: lexer, parser, AST, includes and diagnostics located by file:line:col. */
package org.uffdcheck.lang;
