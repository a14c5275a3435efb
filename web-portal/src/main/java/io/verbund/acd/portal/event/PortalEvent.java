package io.verbund.acd.portal.event;

import io.verbund.acd.tenant.TenantKey;

/**
 * One event of a tenant's stream.
 *
 * @param id       {@code <node>:<sequence>}: what a browser sends back as {@code Last-Event-ID}
 * @param sequence this node's sequence number for the tenant, without gaps
 * @param name     the SSE event name: {@code agent-state}, {@code queue}, {@code call}, …
 * @param data     the JSON document
 */
public record PortalEvent(String id, long sequence, TenantKey tenant, String name, Audience audience, String data) {
}
