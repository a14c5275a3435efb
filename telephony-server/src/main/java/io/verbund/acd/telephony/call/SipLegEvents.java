package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;

/**
 * Responses and timeouts of the legs this node started, for the SIP adapter: a ringing transfer's
 * leg goes to {@link Transfers}, everything else (agent offers, and the legs of connected calls)
 * to {@link AgentLegs}.
 */
@ApplicationScoped
public class SipLegEvents {

    private final AgentLegs agentLegs;
    private final Transfers transfers;

    @Inject
    public SipLegEvents(AgentLegs agentLegs, Transfers transfers) {
        this.agentLegs = agentLegs;
        this.transfers = transfers;
    }

    protected SipLegEvents() {
        this(null, null);
    }

    public void onResponse(ResponseEvent event) {
        if (!transfers.onResponse(event)) {
            agentLegs.onResponse(event);
        }
    }

    public void onTimeout(ClientTransaction transaction) {
        if (!transfers.onTimeout(transaction)) {
            agentLegs.transactionTimedOut(transaction);
        }
    }
}
