/**
 * The launcher behind {@code ./verbund}: starts a whole Verbund ACD node on one machine (its own
 * MariaDB and one WildFly with the four WARs), waits until every service is healthy, tells a new
 * user what to do next, and stops everything it started. The integration tests drive the same
 * classes, so what the tests prove is what a user runs.
 */
package io.verbund.acd.launcher;
