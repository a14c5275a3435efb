/** API tokens for integrators: created by a tenant admin, shown once, kept as a hash, revoked at will. */
package io.verbund.acd.portal.token;
