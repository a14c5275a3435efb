package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.telephony.registrar.Binding;

/** An agent reserved for a call, with the phone to ring and why the strategy chose it. */
record OfferTarget(AgentStatus reserved, Binding phone, String why) {
}
