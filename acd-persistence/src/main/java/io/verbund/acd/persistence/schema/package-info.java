/**
 * The shared schema's life cycle: the Flyway migrations under {@code db/migration} and
 * {@link io.verbund.acd.persistence.schema.SchemaMigration}, which every service runs at start-up
 * and whose {@link io.verbund.acd.persistence.schema.SchemaState} health checks report.
 */
package io.verbund.acd.persistence.schema;
