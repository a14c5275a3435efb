package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;

/**
 * Responses and timeouts of the legs this node started, for the SIP adapter: an outbound call's
 * legs while it is set up go to {@link OutboundCalls}, a takeover's re-INVITE to {@link CallTakeovers}, a ringing transfer's leg to {@link Transfers}, everything else (agent offers, and the legs of connected calls)
 * to {@link AgentLegs}; a supervisor's phone's to {@link CallSupervision}.
 */
@ApplicationScoped
public class SipLegEvents {

    private final AgentLegs agentLegs;
    private final Transfers transfers;
    private final OutboundCalls outbound;
    private final CallSupervision supervision;
    private final CallTakeovers takeovers;

    @Inject
    public SipLegEvents(AgentLegs agentLegs, Transfers transfers, OutboundCalls outbound, CallSupervision supervision,
                        CallTakeovers takeovers) {
        this.agentLegs = agentLegs;
        this.transfers = transfers;
        this.outbound = outbound;
        this.supervision = supervision;
        this.takeovers = takeovers;
    }

    protected SipLegEvents() {
        this(null, null, null, null, null);
    }

    public void onResponse(ResponseEvent event) {
        if (!takeovers.onResponse(event) && !outbound.onResponse(event) && !transfers.onResponse(event) && !supervision.onResponse(event)) {
            agentLegs.onResponse(event);
        }
    }

    public void onTimeout(ClientTransaction transaction) {
        if (!takeovers.onTimeout(transaction) && !outbound.onTimeout(transaction) && !transfers.onTimeout(transaction) && !supervision.onTimeout(transaction)) {
            agentLegs.transactionTimedOut(transaction);
        }
    }
}
