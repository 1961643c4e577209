/**
 * The contracts between the parts of the checker: the transition system a model lowers to, the
 * checks a search asks of every state, what identifies a property, the options of a search and the
 * result it returns. It depends on nothing else of the project, so the search engine can be built
 * and tested without the language or the compiler, and everything above may depend on it.
 *
 * <p>The runtime faults ({@link org.uffdcheck.engine.Fault}) live here rather than with the
 * language checker: a violated property is identified by its name and its fault, several faults
 * share one name, and one list of them is what the checker accepts in scenarios, what the compiled
 * steps raise and what a result reports. A second enum mapped onto the first would be the same
 * list written twice.
 */
package org.uffdcheck.engine;
