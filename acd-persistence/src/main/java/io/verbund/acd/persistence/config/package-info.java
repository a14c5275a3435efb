/**
 * JPA mapping of the tenant-configurable tables: what admins change through the API. Entities are
 * plain rows; the rules live in the services that use them. Every entity owned by a tenant extends
 * {@link io.verbund.acd.persistence.config.TenantOwned}, whose {@code version} is the optimistic
 * lock two admins editing the same thing run into.
 */
package io.verbund.acd.persistence.config;
