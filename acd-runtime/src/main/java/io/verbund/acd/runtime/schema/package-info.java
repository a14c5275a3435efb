/** Bringing the shared schema (and, in the demo, the demo tenants) up to date when a service starts. */
package io.verbund.acd.runtime.schema;
