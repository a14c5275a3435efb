package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.runtime.callcontrol.ConsultationAsked;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.routing.Reservation;
import io.verbund.acd.telephony.directory.GroupMember;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.registrar.Registrations;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.Dialog;

/**
 * An agent's consultation (attended transfer): the caller goes on hold with music, the node rings
 * the consulted party on a new leg — another agent's phone, a free agent of a group (its routing
 * strategy picks, {@link io.verbund.acd.routing.Distributor#reserveForConsultation}) or a number through the trunk, with the
 * very machinery of a blind transfer ({@link Transfers#ring}, {@link TransferLeg}) — and once it
 * answers the agent talks to it. Then the agent completes (the caller is bridged to the consulted
 * party, the agent goes to wrap-up as after a blind transfer, a new recording starts), swaps (talks
 * to the other one, who hears music), or returns (the consulted leg is hung up, the agent is back
 * with its caller). A consulted party that does not answer or refuses is a ConsultationFailed event
 * (the desktop shows it) and the caller stays on hold with its agent, who resumes it.
 * <p>
 * When the caller hangs up during the consultation the whole call ends, the consulted leg included,
 * and the agent goes to wrap-up. A commercial ACD often keeps the consultation as a plain internal
 * call between the two; here the consultation exists only for the caller's sake (it has no record
 * of its own, and an agent consulted is reserved for this call), so ending it cleanly keeps every
 * call record whole and frees both agents — the agent can call its colleague again. The consulted
 * party hanging up ends only the consultation (the caller stays on hold); the agent hanging up ends
 * the call as it always does. The consulted leg is not recorded: the recording is the caller's.
 * <p>
 * Every method runs under the call's monitor.
 */
@ApplicationScoped
public class Consultations {

    private static final Logger LOG = Logger.getLogger(Consultations.class.getName());

    private final CallSessions sessions;
    private final Transfers transfers;
    private final OutboundTrunk trunk;
    private final NodeMedia node;
    private final CallerMedia media;
    private final CallRecordings recordings;
    private final CallHistory history;
    private final AgentStates agents;
    private final AgentLegs agentLegs;
    private final OutboundRequests requests;
    private final CallDistribution distribution;
    private final Registrations registrations;
    private final CallSupervision parties;
    private final SipEndpoint sip;
    private final Clock clock;

    @Inject
    public Consultations(CallSessions sessions, Transfers transfers, OutboundTrunk trunk, NodeMedia node, CallerMedia media,
                         CallRecordings recordings, CallHistory history, AgentStates agents, AgentLegs agentLegs,
                         OutboundRequests requests, CallDistribution distribution,
                         Registrations registrations, CallSupervision parties, SipEndpoint sip, Clock clock) {
        this.parties = parties;
        this.distribution = distribution;
        this.registrations = registrations;
        this.sip = sip;
        this.sessions = sessions;
        this.transfers = transfers;
        this.trunk = trunk;
        this.node = node;
        this.media = media;
        this.recordings = recordings;
        this.history = history;
        this.agents = agents;
        this.agentLegs = agentLegs;
        this.requests = requests;
        this.clock = clock;
    }

    protected Consultations() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Carries out a step of a consultation ({@link CallControl}, under the call's monitor). */
    void carryOut(AcdCall call, ConsultationAsked asked) {
        String by = "api:" + asked.by();
        switch (asked.kind()) {
            case START -> start(call, asked.target(), by);
            case SWAP -> swap(call, by);
            case COMPLETE -> complete(call, by);
            case RETURN -> back(call, by);
            case CONFERENCE -> conference(call, by);
        }
    }

    private void start(AcdCall call, TransferTarget target, String by) {
        Instant now = clock.instant();
        Optional<String> refused = call.state.whyNoConsultationWith(target);
        if (refused.isEmpty() && (call.callerMedia == null || call.agentMedia == null)) {
            refused = Optional.of("the call's media is not anchored on this node");
        }
        if (refused.isEmpty() && call.mixing != null) {
            // The legs sit in a mixing room; merging a consultation into it is for later (MixingRoom.join).
            refused = Optional.of("a supervisor or a third party is in the call");
        }
        if (refused.isEmpty() && target.isNumber()) {
            refused = transfers.whyNotToNumber(call, target.value());
        }
        if (refused.isPresent()) {
            refuse(call, target, refused.get(), now);
            return;
        }
        if (target.isGroup()) {
            startWithGroup(call, target, by, now);
            return;
        }
        Optional<Transfers.ReservedAgent> reserved = Optional.empty();
        SipDestination destination;
        Duration ringTime;
        if (target.isAgent()) {
            reserved = transfers.reserve(call, target, now, why -> refuse(call, target, why, now));
            if (reserved.isEmpty()) {
                return;
            }
            destination = reserved.get().destination();
            ringTime = (call.group == null ? OfferTerms.TRANSFER : call.group.offerTerms()).ringTime();
        } else {
            destination = transfers.trunkDestination(target.value());
            ringTime = trunk.ringTimeout();
        }
        AgentKey agent = reserved.map(found -> found.line().agent()).orElse(null);
        long agentId = reserved.map(found -> found.line().agentId()).orElse(0L);
        call.state.consultationStarted(target, agent, by, now);
        holdCaller(call);
        if (!transfers.ring(call, target, null, agent, agentId, destination, ringTime, true)) {
            reserved.ifPresent(found -> agents.compareAndSet(found.status(), OfferTerms.withdrawn(found.status(), now)));
            call.state.consultationFailed("the INVITE to " + target.value() + " could not be sent", now);
        }
        history.record(call);
        LOG.info(() -> "consultation of " + target + " rings");
    }

    /**
     * A consultation of a group: its routing strategy picks one of its free agents now (the same
     * ranking a waiting caller gets) and that agent's phone rings; with none free the agent is told
     * at once — a consultation does not queue.
     */
    private void startWithGroup(AcdCall call, TransferTarget target, String by, Instant now) {
        Optional<GroupSettings> group = transfers.group(call, target, why -> refuse(call, target, why, now));
        if (group.isEmpty()) {
            return;
        }
        Optional<Reservation> picked = distribution.reserveForConsultation(group.get(), call.callId);
        if (picked.isEmpty()) {
            refuse(call, target, "no agent of group " + target.value() + " is free now", now);
            return;
        }
        Reservation reservation = picked.get();
        GroupMember member = (GroupMember) reservation.member();
        Optional<SipDestination> destination = registrations.active(member.sipUsername(), now).flatMap(phone -> {
            try {
                return Optional.of(SipDestination.phone(phone, sip.addresses()));
            } catch (ParseException e) {
                return Optional.empty();
            }
        });
        if (destination.isEmpty()) {
            agents.compareAndSet(reservation.reserved(), reservation.ready());
            refuse(call, target, "agent " + member.extension() + "'s phone cannot be reached", now);
            return;
        }
        call.state.consultationStarted(target, member.agent(), by, now);
        holdCaller(call);
        if (!transfers.ring(call, target, null, member.agent(), member.agentId(), destination.get(), group.get().offerTerms().ringTime(), true)) {
            agents.compareAndSet(reservation.reserved(), reservation.ready());
            call.state.consultationFailed("the INVITE to agent " + member.extension() + " could not be sent", now);
        }
        history.record(call);
        LOG.info(() -> "consultation of " + target + " rings agent " + member.extension() + ": " + reservation.why());
    }

    private void holdCaller(AcdCall call) {
        if (call.bridge != null) {
            recordings.unbridge(call);
            media.musicOnHold(call);
        }
    }

    private void refuse(AcdCall call, TransferTarget target, String why, Instant now) {
        LOG.info(() -> "consultation of " + target + " not possible: " + why);
        call.state.consultationRefused(target, why, now);
        history.record(call);
    }

    /** The consulted party answered: the agent talks to it (the caller still hears music). */
    void answered(AcdCall call, TransferLeg leg, Dialog dialog, byte[] sdp, long cseq, Instant now) {
        requests.ack(call, dialog, cseq);
        if (!call.state.isConnected() || call.state.consultationTarget().isEmpty()) {
            requests.bye(dialog);
            transfers.release(call, leg);
            return;
        }
        ConsultedLeg consulted = new ConsultedLeg(leg.legCallId, dialog, leg.media, sdp, leg.agent, leg.agentId);
        call.consulted = consulted;
        consulted.bridge = node.engine().bridge(call.agentMedia, consulted.media, null);
        call.state.consultationAnswered(now);
        if (leg.agent != null) {
            agents.update(leg.agent, (current, at) -> current.answer(at));
        }
        history.record(call);
        LOG.info(() -> "consultation of " + leg.target + " answered");
    }

    /** The consulted party did not take it (its leg is released already): the agent is told, the caller stays on hold. */
    void failed(AcdCall call, TransferLeg leg, String why) {
        call.state.consultationFailed(why, clock.instant());
        history.record(call);
        LOG.info(() -> "consultation of " + leg.target + " failed: " + why);
    }

    private void swap(AcdCall call, String by) {
        ConsultedLeg consulted = call.consulted;
        if (consulted == null || !call.state.isConsultationAnswered()) {
            LOG.info(() -> "no answered consultation to swap on call " + call.callId);
            return;
        }
        boolean withConsulted = call.state.consultationSwapped(by, clock.instant());
        if (withConsulted) {
            recordings.unbridge(call);
            media.musicOnHold(call);
            consulted.media.stop();
            consulted.bridge = node.engine().bridge(call.agentMedia, consulted.media, null);
        } else {
            consulted.unbridge();
            media.musicOnHold(call, consulted.media);
            media.stop(call);
            recordings.rebridge(call);
        }
        history.record(call);
    }

    /**
     * The caller goes to the consulted party; the agent's leg is hung up and the agent goes to
     * wrap-up. In a conference made from the consultation the agent leaves the other two talking.
     */
    private void complete(AcdCall call, String by) {
        ConsultedLeg consulted = call.consulted;
        if (consulted == null && parties.handOver(call, by, false)) {
            return;
        }
        if (consulted == null || !call.state.isConsultationAnswered()) {
            LOG.info(() -> "no answered consultation to complete on call " + call.callId);
            return;
        }
        Instant now = clock.instant();
        consulted.unbridge();
        consulted.media.stop();
        media.stop(call);
        recordings.finish(call);
        Dialog oldDialog = call.agentDialog;
        RtpLeg oldMedia = call.agentMedia;
        String oldCallId = call.agentCallId;
        Optional<AgentKey> oldAgent = call.state.consultationCompleted(by, now);
        call.consulted = null;
        call.agentMedia = consulted.media;
        call.agentId = consulted.agentId;
        recordings.bridge(call, now);
        requests.bye(oldDialog);
        sessions.unlinkAgentLeg(oldCallId);
        oldMedia.close();
        oldAgent.ifPresent(agent -> agentLegs.handedOver(call, agent));
        call.agentSince = now;
        call.agentDialog = consulted.dialog;
        call.agentCallId = consulted.legCallId;
        call.agentSdp = consulted.sdp;
        history.record(call);
        LOG.info(() -> "consultation completed: the caller talks to " + (consulted.agent == null ? "the number" : consulted.agent));
    }

    /**
     * The consulted party joins caller and agent: all three hear each other in the call's room, as in
     * a conference the agent set up directly (its third party leaving, or the agent, works the same).
     * The caller's hold ends, whichever of the two the agent talked to.
     */
    private void conference(AcdCall call, String by) {
        ConsultedLeg consulted = call.consulted;
        if (consulted == null || !call.state.isConsultationAnswered()) {
            LOG.info(() -> "no answered consultation to make a conference of on call " + call.callId);
            return;
        }
        if (call.mixing != null) {
            LOG.info(() -> "call " + call.callId + " has a room already: no conference from its consultation");
            return;
        }
        TransferTarget target = call.state.consultationTarget().orElseThrow();
        consulted.unbridge();
        consulted.media.stop();
        media.stop(call);
        call.consulted = null;
        call.state.consultationConferenced(by, clock.instant());
        parties.joinConsulted(call, consulted, target, by);
        history.record(call);
        LOG.info(() -> "consultation of " + target + " became a conference (" + by + ")");
    }

    /** The agent goes back to its caller: a ringing consultation is cancelled, an answered one hung up. */
    private void back(AcdCall call, String by) {
        Instant now = clock.instant();
        TransferLeg ringing = call.transfer;
        if (ringing != null && ringing.consultation) {
            requests.cancel(ringing.invite);
            transfers.release(call, ringing);
        } else if (call.consulted != null) {
            requests.bye(call.consulted.dialog);
            let(call);
        } else {
            LOG.info(() -> "no consultation to return from on call " + call.callId);
            return;
        }
        call.state.consultationEnded(by, now);
        if (call.state.isOnHold()) {
            call.state.resumed(by, now);
            media.stop(call);
            recordings.rebridge(call);
        }
        history.record(call);
    }

    /**
     * Whether the BYE on {@code legCallId} came from the consulted party: then only the
     * consultation ends, the caller stays as it is (on hold while the agent talked to the consulted).
     */
    boolean consultedHungUp(AcdCall call, String legCallId) {
        if (call.consulted == null || !call.consulted.legCallId.equals(legCallId)) {
            return false;
        }
        let(call);
        call.state.consultationEnded("target", clock.instant());
        history.record(call);
        return true;
    }

    /** The call ends during an answered consultation: the consulted party gets BYE too. */
    void callEnding(AcdCall call, String why) {
        if (call.consulted == null) {
            return;
        }
        requests.bye(call.consulted.dialog);
        let(call);
        call.state.consultationEnded(why, clock.instant());
        history.record(call);
    }

    /** Lets go of the consulted leg: its bridge, its link and RTP, and a consulted agent is free at once (it was never the caller's agent). */
    private void let(AcdCall call) {
        ConsultedLeg consulted = call.consulted;
        call.consulted = null;
        consulted.unbridge();
        sessions.unlinkAgentLeg(consulted.legCallId);
        consulted.media.close();
        if (consulted.agent != null) {
            agentLegs.endForAgent(consulted.agent, null, call.callId);
        }
    }
}
