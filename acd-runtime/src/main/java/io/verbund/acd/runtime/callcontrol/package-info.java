/**
 * Commands on running calls (hang up, blind transfer) from the API to whichever node holds the call, through the
 * replicated cache {@code acd/commands}: no node needs to know where a call lives.
 */
package io.verbund.acd.runtime.callcontrol;
