/**
 * Network addresses as configuration names them: CIDR ranges ({@link io.verbund.acd.runtime.net.AddressRange})
 * for the trusted proxies and the outbound allow- and block-lists. Never resolves a host name.
 */
package io.verbund.acd.runtime.net;
