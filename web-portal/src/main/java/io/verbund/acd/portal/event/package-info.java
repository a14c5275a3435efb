/**
 * The live event stream ({@code GET /api/v1/events}, Server-Sent Events): agent states, queues,
 * calls, configuration changes, help requests and alarms, each with a per-tenant sequence number,
 * filtered for each subscriber by what its roles let it see. Every node derives the events from
 * the replicated caches it holds itself, so a browser may listen on any node.
 */
package io.verbund.acd.portal.event;
