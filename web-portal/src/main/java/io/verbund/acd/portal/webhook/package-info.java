/**
 * Webhooks: a tenant's integrations told of its events by a signed HTTP POST, retried with growing
 * delays when they fail (the source concept's multichannel event distribution). Each event is sent
 * by the node it happened on, so an integration hears of it once however many nodes run.
 */
package io.verbund.acd.portal.webhook;
