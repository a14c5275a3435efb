package io.verbund.acd.telephony.call;

import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.runtime.callcontrol.ConferenceAsked;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Three-way conferences: the agent adds a third party to its connected call, another agent's phone
 * (ready, reserved like a transfer's target) or a number the tenant allows through the trunk (the
 * same gate as a transfer's, {@link Transfers#whyNotToNumber}); once it answers, caller, agent and
 * third party are mixed in the call's room ({@link MixedCall}). The third party hanging up leaves the
 * two-party call, bridged again; the caller hanging up ends the call for everyone, the agent hanging
 * up leaves caller and third party talking ({@link CallSupervision#handOver}). The ringing and the
 * room are {@link CallSupervision}'s, shared with supervisors.
 */
@ApplicationScoped
public class Conferences {

    private static final Logger LOG = Logger.getLogger(Conferences.class.getName());

    private final CallSupervision parties;
    private final Transfers transfers;
    private final AgentStates agents;
    private final SipEndpoint sip;
    private final Clock clock;

    @Inject
    public Conferences(CallSupervision parties, Transfers transfers, AgentStates agents, SipEndpoint sip, Clock clock) {
        this.parties = parties;
        this.transfers = transfers;
        this.agents = agents;
        this.sip = sip;
        this.clock = clock;
    }

    protected Conferences() {
        this(null, null, null, null, null);
    }

    /** Rings the third party the agent asked for ({@link CallControl}, under the call's monitor); a refusal is logged. */
    void carryOut(AcdCall call, ConferenceAsked asked) {
        start(call, asked).ifPresent(why -> LOG.info(() -> "conference with " + asked.target() + " not started: " + why));
    }

    /** @return why the third party is not rung; empty when it rings */
    private Optional<String> start(AcdCall call, ConferenceAsked asked) {
        TransferTarget target = asked.target();
        if (!call.hasAgent()) {
            return Optional.of("the call has no agent");
        }
        Optional<String> notMixed = CallSupervision.whyNotMixed(call);
        if (notMixed.isPresent()) {
            return notMixed;
        }
        if (call.mixing != null && call.mixing.parties().stream().anyMatch(party -> !party.isSupervisor())) {
            return Optional.of("the call already has a third party");
        }
        String by = "api:" + asked.by();
        if (!target.isAgent()) {
            Optional<String> impossible = transfers.whyNotToNumber(call, target.value());
            if (impossible.isPresent()) {
                return impossible;
            }
            return parties.ring(call, transfers.trunkDestination(target.value()), null, null, false, by, target, null, 0)
                    ? Optional.empty() : Optional.of("the INVITE could not be sent");
        }
        Instant now = clock.instant();
        String[] refused = new String[1];
        Optional<Transfers.ReservedAgent> reserved = transfers.reserve(call, target, now, why -> refused[0] = why);
        if (reserved.isEmpty()) {
            return Optional.of(refused[0]);
        }
        Transfers.ReservedAgent agent = reserved.get();
        try {
            if (parties.ring(call, agent.destination(), sip.addresses().createSipURI(target.value(), sip.host()), null, false, by, target,
                    agent.line().agent(), agent.line().agentId())) {
                LOG.info(() -> "conference: agent " + target.value() + " rings (" + asked.by() + ")");
                return Optional.empty();
            }
        } catch (ParseException e) {
            LOG.fine(() -> "agent " + target.value() + "'s address: " + e.getMessage());
        }
        agents.compareAndSet(agent.status(), OfferTerms.withdrawn(agent.status(), now));
        return Optional.of("agent " + target.value() + "'s phone could not be rung");
    }
}
