/**
 * Call-flow graphs as JSON, the form the {@code call_flow_version} table stores them in: read into
 * the core's {@link io.verbund.acd.callflow.CallFlowGraph} and written back. One reader for every
 * service, so the web-portal checks exactly what the telephony-server will walk.
 */
package io.verbund.acd.runtime.callflow;
