package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;
import io.verbund.acd.runtime.callcontrol.SupervisionAsked;
import io.verbund.acd.runtime.callcontrol.SupervisionAsked.Mode;
import io.verbund.acd.telephony.media.MediaPortsExhausted;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.Playable;
import io.verbund.acd.telephony.media.PromptLanguage;
import io.verbund.acd.telephony.media.PromptLibrary;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.registrar.Registrations;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Supervisors listening, whispering and barging in, on the node that holds the call: the
 * supervisor's phone is called (like a transfer's target, with our offer from a new RTP leg in the
 * caller's law) and, once it answers, the call's media moves from its bridge into a
 * {@link MixedCall}'s room with the supervisor's seat; a later ask switches the mode in place; the
 * supervisor hanging up, or an {@link Mode#END} ask, hangs its leg up and bridges the call again.
 * Asks come from the portal through {@link CallControl}; the portal checked who may supervise.
 * The supervisor's leg is linked like an agent leg ({@link CallSessions#linkAgentLeg}), so its
 * responses and BYE reach the call; everything runs under the call's monitor.
 */
@ApplicationScoped
public class CallSupervision {

    private static final Logger LOG = Logger.getLogger(CallSupervision.class.getName());

    private final SipEndpoint sip;
    private final CallSessions sessions;
    private final NodeMedia node;
    private final OutboundRequests requests;
    private final Registrations registrations;
    private final AgentStates agents;
    private final AgentLegs agentLegs;
    private final CallRecordings recordings;
    private final CallHistory history;
    private final Clock clock;

    @Inject
    public CallSupervision(SipEndpoint sip, CallSessions sessions, NodeMedia node, OutboundRequests requests,
                           Registrations registrations, AgentStates agents, AgentLegs agentLegs, CallRecordings recordings,
                           CallHistory history, Clock clock) {
        this.recordings = recordings;
        this.history = history;
        this.agents = agents;
        this.agentLegs = agentLegs;
        this.sip = sip;
        this.sessions = sessions;
        this.node = node;
        this.requests = requests;
        this.registrations = registrations;
        this.clock = clock;
    }

    protected CallSupervision() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /** Starts, switches or ends a supervisor's part in the call ({@link CallControl}, under the call's monitor). */
    void carryOut(AcdCall call, SupervisionAsked asked) {
        MixedCall mixed = call.mixing;
        Optional<MixedCall.Party> supervisor = mixed == null ? Optional.empty() : mixed.supervisor();
        if (asked.mode() == Mode.END) {
            supervisor.ifPresent(party -> {
                party.leftBecause = asked.by();
                party.hangUp.accept(call, party);
                leave(call, party);
                LOG.info(() -> "supervision ended by " + asked.by());
            });
            return;
        }
        if (supervisor.isPresent()) {
            supervisor.get().mode = asked.mode();
            mixed.rehear();
            // A supervisor still ringing joins in its latest mode: SupervisionStarted names it then.
            if (supervisor.get().connected && call.state.supervisionModeChanged(asked.mode().name(), asked.by(), clock.instant())) {
                history.record(call);
            }
            LOG.info(() -> "supervision switched to " + asked.mode() + " by " + asked.by());
            return;
        }
        Optional<String> refused = whyNotMixed(call);
        if (refused.isPresent()) {
            LOG.info(() -> "supervision by " + asked.by() + " not started: " + refused.get());
            return;
        }
        Instant now = clock.instant();
        Optional<Binding> phone = registrations.active(asked.phone(), now);
        if (phone.isEmpty()) {
            LOG.info(() -> "supervision by " + asked.by() + " not started: phone " + asked.phone() + " is not registered");
            return;
        }
        try {
            SipDestination destination = SipDestination.phone(phone.get(), sip.addresses());
            if (ring(call, destination, sip.addresses().createSipURI(asked.phone(), sip.host()), asked.mode(), asked.notice(), asked.by(),
                    null, null, 0)) {
                LOG.info(() -> "supervisor's phone " + asked.phone() + " rings to " + asked.mode() + " (" + asked.by() + ")");
            }
        } catch (ParseException e) {
            LOG.warning("supervision of call " + call.callId + " not started: phone " + asked.phone() + " has no usable contact");
        }
    }

    /**
     * Calls a party into the call with our offer from a new RTP leg in the caller's law (a supervisor's
     * phone; a conference's third party, {@code mode} null); its answer joins it to the call's room.
     *
     * @param to the To URI; null: the destination's Request-URI (a number through the trunk)
     * @param target the conference's third party as asked; null for a supervisor
     * @param agent the agent a conference rings, reserved by the caller of this; null for none
     * @param agentId that agent's id in the database; 0 for none
     * @return false when the INVITE could not be sent (logged)
     */
    boolean ring(AcdCall call, SipDestination destination, SipURI to, Mode mode, boolean notice, String by,
                 io.verbund.acd.call.TransferTarget target, io.verbund.acd.agent.AgentKey agent, long agentId) {
        RtpLeg leg = null;
        try {
            leg = node.engine().openLeg((mode == null ? "conference " : "supervisor ") + call.callId);
            leg.belongsTo(call.callId, call.tenant == null ? null : call.tenant.value());
            if (destination.isSecure()) {
                // SDES keys travel in the SDP: only where the signalling is encrypted do they protect anything.
                leg.offerSrtp();
            }
            SipURI addressed = to != null ? to : (SipURI) destination.requestUri().clone();
            Request invite = requests.invite(call, destination, addressed, leg.offer(call.callerLaw()).toString().getBytes(StandardCharsets.US_ASCII));
            ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
            String legCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            MixedCall.Party party = new MixedCall.Party(legCallId, leg, transaction, sip.provider().getNewDialog(transaction),
                    mode, notice, by, target, agent, agentId, this::hangUp);
            if (call.mixing == null) {
                call.mixing = new MixedCall(this::leave);
            }
            call.mixing.add(party);
            sessions.linkAgentLeg(legCallId, call);
            transaction.sendRequest();
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | MediaPortsExhausted e) {
            LOG.warning("call " + call.callId + ": " + to + " not rung: " + e.getMessage());
            if (leg != null) {
                if (call.mixing != null) {
                    RtpLeg failed = leg;
                    call.mixing.parties().removeIf(party -> party.media == failed);
                }
                leg.close();
            }
            return false;
        }
    }

    /**
     * Why the call cannot be mixed now: it must be connected with both legs here, and not on hold, in
     * a consultation or ringing a transfer (their media take the legs apart; the room would hold them).
     */
    static Optional<String> whyNotMixed(AcdCall call) {
        if (!call.state.is(CallPhase.CONNECTED) || call.callerMedia == null || call.agentMedia == null) {
            return Optional.of("the call is not connected with media on this node");
        }
        if (call.state.isOnHold() || call.consulted != null || call.transfer != null) {
            return Optional.of("the caller is on hold, or a consultation or transfer is under way");
        }
        return Optional.empty();
    }

    /** Whether the response is to a supervisor's INVITE; if so, it is handled here. */
    boolean onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        String legCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<AcdCall> found = sessions.byAgent(legCallId);
        if (found.isEmpty()) {
            return false;
        }
        AcdCall call = found.get();
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                Optional<MixedCall.Party> party = call.mixing == null ? Optional.empty() : call.mixing.party(legCallId);
                if (party.isEmpty()) {
                    return false;
                }
                CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
                int status = response.getStatusCode();
                if (!Request.INVITE.equals(cseq.getMethod()) || status < 200) {
                    return true;
                }
                Dialog dialog = event.getDialog() != null ? event.getDialog() : party.get().dialog;
                if (status >= 300) {
                    LOG.info(() -> "the supervisor's phone refused with " + status);
                    leave(call, party.get());
                } else if (party.get().connected) {
                    // A retransmitted 200: our ACK got lost.
                    requests.ack(call, dialog, cseq.getSeqNumber());
                } else {
                    answered(call, party.get(), dialog, response, cseq.getSeqNumber());
                }
                return true;
            }
        }
    }

    /** Whether the timed-out INVITE was a supervisor's; if so, it is forgotten. */
    boolean onTimeout(ClientTransaction transaction) {
        String legCallId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Optional<AcdCall> found = sessions.byAgent(legCallId);
        if (found.isEmpty()) {
            return false;
        }
        AcdCall call = found.get();
        synchronized (call) {
            Optional<MixedCall.Party> party = call.mixing == null ? Optional.empty() : call.mixing.party(legCallId);
            party.ifPresent(gone -> leave(call, gone));
            return party.isPresent();
        }
    }

    private void answered(AcdCall call, MixedCall.Party party, Dialog dialog, Response ok, long cseq) {
        byte[] sdp = ok.getRawContent();
        try {
            party.media.setRemote(SessionDescription.parse(new String(sdp == null ? new byte[0] : sdp, StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            LOG.warning("the supervisor phone's answer is not usable: " + e.getMessage());
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            leave(call, party);
            return;
        }
        requests.ack(call, dialog, cseq);
        if (!call.state.is(CallPhase.CONNECTED) || call.callerMedia == null || call.agentMedia == null) {
            requests.bye(dialog);
            leave(call, party);
            return;
        }
        if (!call.mixing.isMixing()) {
            recordings.unbridge(call);
        }
        party.sdp = sdp;
        call.mixing.connect(call, node.engine(), party, party.notice ? notice(call) : null);
        if (party.agent != null) {
            agents.update(party.agent, (current, at) -> current.answer(at));
        }
        Instant now = clock.instant();
        if (party.isSupervisor()) {
            if (call.state.supervisor().isEmpty()) {
                call.state.supervisionStarted(party.mode.name(), party.by, now);
            }
        } else if (call.state.thirdParty().isEmpty() && call.state.whyNoHold().isEmpty()) {
            call.state.partyJoined(party.target, party.agent, party.by, now);
        }
        history.record(call);
        LOG.info(() -> (party.isSupervisor() ? "supervisor joined to " + party.mode : "conference party joined") + " (" + party.by + ")");
    }

    /**
     * The agent's consultation becomes a conference: the consulted leg (answered, unbridged, its music
     * stopped; the caller's too) joins caller and agent in the call's room, as a conference's third
     * party would on answering ({@link Consultations} records the PartyJoined).
     */
    void joinConsulted(AcdCall call, ConsultedLeg consulted, io.verbund.acd.call.TransferTarget target, String by) {
        MixedCall.Party party = new MixedCall.Party(consulted.legCallId, consulted.media, null, consulted.dialog, null, false, by,
                target, consulted.agent, consulted.agentId, this::hangUp);
        party.sdp = consulted.sdp;
        if (call.mixing == null) {
            call.mixing = new MixedCall(this::leave);
        }
        call.mixing.add(party);
        recordings.unbridge(call);
        call.mixing.connect(call, node.engine(), party, null);
    }

    /**
     * The call's agent leaves its conference (hung up, or completed): the caller talks on with the
     * third party, which becomes the call's agent leg — the conference's way to complete a transfer,
     * as commercial ACDs do when the conference's initiator drops out. A supervisor leaves with the
     * agent it came for. The agent goes to wrap-up; the caller's recording goes on in a new file, as
     * after a consultation's completion.
     *
     * @param agentHungUp whether the agent's BYE came already (else it is sent one)
     * @return false when the call has no conference party to hand over to
     */
    boolean handOver(AcdCall call, String by, boolean agentHungUp) {
        Optional<MixedCall.Party> staying = call.mixing == null ? Optional.empty() : call.mixing.thirdParty();
        if (staying.isEmpty() || call.state.thirdParty().isEmpty() || !call.state.is(CallPhase.CONNECTED)) {
            return false;
        }
        MixedCall.Party third = staying.get();
        Instant now = clock.instant();
        if (call.state.supervisor().isPresent()) {
            call.state.supervisionEnded("agent left", now);
        }
        call.mixing.dissolveFor(call, third);
        call.mixing = null;
        recordings.finish(call);
        Dialog oldDialog = call.agentDialog;
        RtpLeg oldMedia = call.agentMedia;
        String oldCallId = call.agentCallId;
        Optional<io.verbund.acd.agent.AgentKey> oldAgent = call.state.agentLeftConference(by, now);
        third.released = true;
        call.agentMedia = third.media;
        call.agentId = third.agentId;
        recordings.bridge(call, now);
        if (!agentHungUp) {
            requests.bye(oldDialog);
        }
        sessions.unlinkAgentLeg(oldCallId);
        oldMedia.close();
        oldAgent.ifPresent(agent -> agentLegs.handedOver(call, agent));
        call.agentSince = now;
        call.agentDialog = third.dialog;
        call.agentCallId = third.legCallId;
        call.agentSdp = third.sdp;
        history.record(call);
        LOG.info(() -> "the agent left the conference (" + by + "): the caller talks on with " + third.target);
        return true;
    }

    private Playable notice(AcdCall call) {
        PromptLanguage language = PromptLanguage.ofTag(call.language);
        return node.prompts().has(language, PromptLibrary.SUPERVISION_NOTICE)
                ? node.prompts().prompt(language, PromptLibrary.SUPERVISION_NOTICE) : null;
    }

    /** The party leaves (or left: its BYE): its link and leg go; with nobody left the call is bridged again. */
    void leave(AcdCall call, MixedCall.Party party) {
        sessions.unlinkAgentLeg(party.legCallId);
        release(call, party);
        if (party.connected && call.state.is(CallPhase.CONNECTED)) {
            Instant now = clock.instant();
            if (party.isSupervisor() && call.state.supervisor().isPresent()) {
                call.state.supervisionEnded(party.leftBecause, now);
                history.record(call);
            } else if (!party.isSupervisor() && call.state.thirdParty().isPresent()) {
                call.state.partyLeft(party.leftBecause, now);
                history.record(call);
            }
        }
        if (call.mixing != null) {
            if (call.mixing.remove(party) && call.callerMedia != null && call.agentMedia != null
                    && !call.callerMedia.isClosed() && !call.agentMedia.isClosed()) {
                recordings.rebridge(call);
            }
            if (call.mixing.parties().isEmpty()) {
                call.mixing = null;
            }
        } else {
            party.media.close();
        }
    }

    /** A conference's agent is free again: to wrap-up after talking, back to where it was if it never answered. Once. */
    private void release(AcdCall call, MixedCall.Party party) {
        if (party.agent == null || party.released) {
            return;
        }
        party.released = true;
        if (party.connected) {
            agentLegs.endForAgent(party.agent, call.group, call.callId);
        } else {
            agents.update(party.agent, (current, at) -> io.verbund.acd.routing.OfferTerms.withdrawn(current, at));
        }
    }

    /** BYE to a connected party, CANCEL to a ringing one; a conference's agent is released. */
    private void hangUp(AcdCall call, MixedCall.Party party) {
        release(call, party);
        sessions.unlinkAgentLeg(party.legCallId);
        if (party.connected) {
            requests.bye(party.dialog);
        } else {
            requests.cancel(party.invite);
        }
    }
}
