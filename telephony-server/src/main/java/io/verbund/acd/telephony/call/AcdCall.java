package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One call on this node: the caller's leg (its INVITE transaction and dialog) and, once offered,
 * the agent's leg. Guarded by its own monitor: SIP events of both legs and timers touch it.
 */
final class AcdCall {

    enum Phase { ROUTING, QUEUED, OFFERING, CONNECTED, ENDED }

    final String callId;
    final ServerTransaction callerInvite;
    final Dialog callerDialog;
    final Request callerRequest;
    final Instant receivedAt;
    final String caller;
    final String serviceNumber;
    private final AtomicInteger eventSeq = new AtomicInteger();

    Phase phase = Phase.ROUTING;
    TenantKey tenant;
    long tenantId;
    GroupSettings group;
    QueueEntry entry;

    /** The phones ringing for this call: one, or every free agent's with ring-all. */
    final List<AgentOffer> offers = new ArrayList<>();
    ScheduledFuture<?> ringTimer;

    /** The agent who answered, from then on. */
    AgentKey agent;
    long agentId;
    Dialog agentDialog;
    String agentCallId;
    /** The agent phone's session description from its 200 OK, which the caller was given. */
    byte[] agentSdp;

    AcdCall(String callId, ServerTransaction callerInvite, Dialog callerDialog, Instant receivedAt, String caller, String serviceNumber) {
        this.callId = callId;
        this.callerInvite = callerInvite;
        this.callerDialog = callerDialog;
        this.callerRequest = callerInvite.getRequest();
        this.receivedAt = receivedAt;
        this.caller = caller;
        this.serviceNumber = serviceNumber;
    }

    int nextEventSeq() {
        return eventSeq.incrementAndGet();
    }

    Long groupId() {
        return group == null ? null : group.id();
    }

    Optional<AgentOffer> offerSentWith(ClientTransaction invite) {
        return offers.stream().filter(offer -> offer.invite() == invite).findFirst();
    }

    /** No phone rings for this call any more. */
    void clearOffers() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
        offers.clear();
        ringTimer = null;
    }
}
