/**
 * Tenants: the customers of a Verbund ACD installation, each with its own agents, ACD groups,
 * service numbers and call flows, optionally below a reseller.
 */
package io.verbund.acd.tenant;
