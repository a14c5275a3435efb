/**
 * Call flows: a tenant's versioned graph of nodes (announcement, opening hours, DTMF menu, queue,
 * voicemail, hang-up, …) with named exits, and the interpreter that walks a call through it.
 */
package io.verbund.acd.callflow;
