package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;

/** Responses and timeouts of the legs this node started (the agent legs), for the SIP adapter. */
@ApplicationScoped
public class SipLegEvents {

    private final AgentLegs agentLegs;

    @Inject
    public SipLegEvents(AgentLegs agentLegs) {
        this.agentLegs = agentLegs;
    }

    protected SipLegEvents() {
        this(null);
    }

    public void onResponse(ResponseEvent event) {
        agentLegs.onResponse(event);
    }

    public void onTimeout(ClientTransaction transaction) {
        agentLegs.transactionTimedOut(transaction);
    }
}
