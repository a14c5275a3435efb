/**
 * Call flows: a tenant's versioned graph of nodes (announcement, opening hours, DTMF menu, queue,
 * voicemail, hang-up, …) with named exits, and the interpreter that walks a call through it. The
 * node catalogue ({@link io.verbund.acd.callflow.NodeType}) says what each type takes and where it
 * leads; {@link io.verbund.acd.callflow.CallFlowCheck} holds a stored graph against it and against
 * the tenant's configuration before the graph becomes a {@link io.verbund.acd.callflow.CallFlow}.
 * {@link io.verbund.acd.callflow.CallFlowRun} is the interpreter: one per call, it asks the
 * telephony runtime for {@link io.verbund.acd.callflow.FlowAction}s and reports each
 * {@link io.verbund.acd.callflow.FlowStep}, doing no I/O itself.
 */
package io.verbund.acd.callflow;
