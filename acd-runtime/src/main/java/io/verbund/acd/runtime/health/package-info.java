/**
 * {@code GET health} of every Verbund service: each datasource role, the schema and the shared
 * cache's cluster view, UP or DOWN, answered with 200 or 503 so haproxy and the launcher can act on it.
 */
package io.verbund.acd.runtime.health;
