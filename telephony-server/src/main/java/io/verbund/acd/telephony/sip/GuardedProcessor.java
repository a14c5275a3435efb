package io.verbund.acd.telephony.sip;

/** A stream processor of ours (TCP or TLS) whose accepted connections a {@link ConnectionGuard} limits. */
interface GuardedProcessor {

    ConnectionGuard guard();
}
