package io.verbund.acd.portal.event;

import io.verbund.acd.tenant.TenantKey;

/**
 * One event of a tenant's stream.
 *
 * @param id       {@code <node>:<sequence>}: what a browser sends back as {@code Last-Event-ID}
 * @param sequence this node's sequence number for the tenant, without gaps
 * @param name     the SSE event name: {@code agent-state}, {@code queue}, {@code call}, …
 * @param data     the JSON document
 * @param local    whether it happened on this node: each event is local on exactly one node, which
 *                 is the one that tells integrators (webhooks), so they hear of it once
 */
public record PortalEvent(String id, long sequence, TenantKey tenant, String name, Audience audience, String data,
                          boolean local) {
}
