/**
 * The demo tenants of {@code verbund demo} and {@code verbund cluster}: exactly the data the demo
 * contract ({@code shared/design/demo-contract.md}) promises, written once into an empty schema by
 * {@link io.verbund.acd.persistence.demo.DemoTenants} and kept on later starts.
 */
package io.verbund.acd.persistence.demo;
