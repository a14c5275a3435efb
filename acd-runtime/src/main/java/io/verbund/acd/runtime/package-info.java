/**
 * What every Verbund ACD WAR does the same way on WildFly: it knows which service it is on which
 * node, reaches the database by role, brings the schema up to date at start-up and answers
 * {@code GET health}. Each WAR adds only its JAX-RS application and its own features.
 */
package io.verbund.acd.runtime;
