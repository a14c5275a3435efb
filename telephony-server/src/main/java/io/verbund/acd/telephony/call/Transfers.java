package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;
import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.directory.GroupSettings;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.callflow.CallFlowRun;
import io.verbund.acd.runtime.callcontrol.TransferAsked;
import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.telephony.directory.AgentLine;
import io.verbund.acd.telephony.directory.DirectoryUnavailable;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.media.MediaPortsExhausted;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.registrar.Registrations;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * Transfers: a new outbound leg of the B2BUA, to an external number through the node's outbound
 * trunk ({@link OutboundTrunk}) or to another agent's registered phone, with our own session
 * offer from a new RTP leg in the caller's law. Two ways in: a call flow's transfer node (the caller
 * is not connected yet and keeps its early media while the number rings; on success the call leaves
 * the flow, like an agent's answer) and a blind transfer of a connected call through the API (the
 * caller keeps talking to its agent until the target answers; then the old agent's leg is
 * unbridged and hung up, the caller bridged to the new leg). Whatever fails leaves the caller where
 * it was: the flow takes its {@code failed} exit, a connected caller stays with its agent. A transfer
 * to a group rings nothing: the caller goes back into that group's queue ({@link #toGroup}). An
 * agent's consultation rings its party with the same legs ({@link Consultations}).
 * <p>
 * The leg is found by its Call-ID through the call's agent-leg link ({@link CallSessions#byAgent}),
 * so its responses, and once connected its BYE and re-INVITEs, reach the call like an agent leg's.
 * What may happen to the call (whether a transfer may start, what its answer or failure means) is
 * the {@link io.verbund.acd.call.Call}'s to decide; this class carries the legs. Every method runs
 * under the call's monitor.
 */
@ApplicationScoped
public class Transfers {

    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final SipEndpoint sip;
    private final CallSessions sessions;
    private final OutboundTrunk trunk;
    private final NodeMedia node;
    private final CallerMedia media;
    private final CallerSignalling signalling;
    private final CallRecordings recordings;
    private final CallHistory history;
    private final AgentStates agents;
    private final AgentLegs agentLegs;
    private final OutboundRequests requests;
    private final Registrations registrations;
    private final TelephonyDirectory directory;
    private final QueueStore queue;
    private final DistributionSignal distribution;
    private final Consultations consultations;
    private final Clock clock;

    @Inject
    public Transfers(SipEndpoint sip, CallSessions sessions, OutboundTrunk trunk, NodeMedia node, CallerMedia media,
                     CallerSignalling signalling, CallRecordings recordings, CallHistory history, AgentStates agents,
                     AgentLegs agentLegs, OutboundRequests requests, Registrations registrations, TelephonyDirectory directory,
                     QueueStore queue, DistributionSignal distribution, Consultations consultations, Clock clock) {
        this.clock = clock;
        this.consultations = consultations;
        this.queue = queue;
        this.distribution = distribution;
        this.sip = sip;
        this.sessions = sessions;
        this.trunk = trunk;
        this.node = node;
        this.media = media;
        this.signalling = signalling;
        this.recordings = recordings;
        this.history = history;
        this.agents = agents;
        this.agentLegs = agentLegs;
        this.requests = requests;
        this.registrations = registrations;
        this.directory = directory;
    }

    protected Transfers() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A call flow's transfer node: rings the number through the trunk while the caller keeps its
     * early media (music on hold where it already hears the flow; else its own ringback after our
     * 180). Called under the call's monitor.
     *
     * @param failedExit what the flow does when the number does not take the call (its failed exit)
     * @return whether the number rings; false (logged, with a TransferFailed event) when it cannot
     *         be tried at all, and the flow takes its failed exit at once
     */
    boolean fromFlow(AcdCall call, String number, Runnable failedExit) {
        Instant now = clock.instant();
        TransferTarget target = TransferTarget.number(number);
        Optional<String> impossible = whyNotToNumber(call, number);
        if (impossible.isEmpty() && call.callerMedia == null) {
            // Without anchored media the node has no session to offer the trunk.
            impossible = Optional.of("the caller's INVITE had no session description");
        }
        if (impossible.isPresent()) {
            refuse(call, target, impossible.get(), now);
            return false;
        }
        call.state.transferStarted(target, null, "flow", now);
        if (!ring(call, target, failedExit, null, 0, trunkDestination(number), trunk.ringTimeout(), false)) {
            call.state.transferFailed("the INVITE to " + number + " could not be sent", now);
            history.record(call);
            return false;
        }
        if (call.earlyMedia || call.answeredInFlow) {
            media.playThenLoop(call, List.of(), CallFlowRun.QUEUE_MOH_PROMPT);
        }
        return true;
    }

    /**
     * A blind transfer asked for through the API ({@link CallControl}, under the call's monitor). The
     * caller stays with its agent until the target answers; a transfer that cannot even start is
     * refused with a TransferFailed event saying why, so the API's caller sees it.
     */
    void blind(AcdCall call, TransferAsked asked) {
        Instant now = clock.instant();
        TransferTarget target = asked.target();
        String by = "api:" + asked.by();
        Optional<String> refused = call.state.whyNoTransferTo(target);
        if (refused.isEmpty() && (call.callerMedia == null || call.agentMedia == null)) {
            refused = Optional.of("the call's media is not anchored on this node");
        }
        if (refused.isEmpty() && call.mixing != null) {
            // The caller's leg sits in a mixing room, which a transfer's bridge cannot take over.
            refused = Optional.of("a supervisor or a third party is in the call");
        }
        if (refused.isEmpty() && target.isNumber()) {
            refused = whyNotToNumber(call, target.value());
        }
        if (refused.isPresent()) {
            refuse(call, target, refused.get(), now);
            return;
        }
        if (target.isGroup()) {
            toGroup(call, target, by, now);
            return;
        }
        if (!target.isAgent()) {
            call.state.transferStarted(target, null, by, now);
            if (!ring(call, target, null, null, 0, trunkDestination(target.value()), trunk.ringTimeout(), false)) {
                call.state.transferFailed("the INVITE to " + target.value() + " could not be sent", now);
            }
            history.record(call);
            return;
        }
        Optional<ReservedAgent> reserved = reserve(call, target, now, why -> refuse(call, target, why, now));
        if (reserved.isEmpty()) {
            return;
        }
        AgentLine line = reserved.get().line();
        Duration ringTime = (call.group == null ? OfferTerms.TRANSFER : call.group.offerTerms()).ringTime();
        call.state.transferStarted(target, line.agent(), by, now);
        if (!ring(call, target, null, line.agent(), line.agentId(), reserved.get().destination(), ringTime, false)) {
            agents.compareAndSet(reserved.get().status(), OfferTerms.withdrawn(reserved.get().status(), now));
            call.state.transferFailed("the INVITE to agent " + target.value() + " could not be sent", now);
        }
        history.record(call);
    }

    /** The group target of a transfer or a consultation; empty, with {@code refused} told why, when the tenant has none such. */
    Optional<GroupSettings> group(AcdCall call, TransferTarget target, Consumer<String> refused) {
        Optional<GroupSettings> group;
        try {
            group = directory.group(call.tenantId, target.value());
        } catch (DirectoryUnavailable e) {
            refused.accept("configuration unavailable");
            return Optional.empty();
        }
        if (group.isEmpty()) {
            refused.accept("no group " + target.value() + " in this tenant");
        }
        return group;
    }

    /** An agent target found, ready and reserved for the call (so it is offered no other call), with where its phone is. */
    record ReservedAgent(AgentLine line, AgentStatus status, SipDestination destination) {
    }

    /**
     * Looks the agent target up and reserves it with the distributor's compare-and-set, for a
     * transfer or a consultation; empty, with {@code refused} told why, when it cannot be rung.
     */
    Optional<ReservedAgent> reserve(AcdCall call, TransferTarget target, Instant now, Consumer<String> refused) {
        Optional<AgentLine> line;
        try {
            line = directory.agent(call.tenantId, target.value());
        } catch (DirectoryUnavailable e) {
            refused.accept("configuration unavailable");
            return Optional.empty();
        }
        if (line.isEmpty()) {
            refused.accept("no agent " + target.value() + " in this tenant");
            return Optional.empty();
        }
        Optional<Binding> phone = registrations.active(line.get().sipUsername(), now);
        if (phone.isEmpty()) {
            refused.accept("agent " + target.value() + " has no registered phone");
            return Optional.empty();
        }
        AgentStatus ready = agents.current(line.get().agent(), now);
        if (!ready.isAvailable(now)) {
            refused.accept("agent " + target.value() + " is not ready (" + ready.state() + ")");
            return Optional.empty();
        }
        AgentStatus reserved = ready.reserve(call.callId, history.node(), now);
        if (!agents.compareAndSet(ready, reserved)) {
            refused.accept("agent " + target.value() + " was taken by another call");
            return Optional.empty();
        }
        try {
            return Optional.of(new ReservedAgent(line.get(), reserved, SipDestination.phone(phone.get(), sip.addresses())));
        } catch (ParseException e) {
            agents.compareAndSet(reserved, OfferTerms.withdrawn(reserved, now));
            refused.accept("agent " + target.value() + "'s phone has no usable contact");
            return Optional.empty();
        }
    }

    /**
     * A transfer to a group: the caller leaves its agent (who goes to wrap-up, as after a blind
     * transfer) and waits in the group's queue again, hearing music, until the group's routing
     * strategy offers it to one of the group's agents. Nothing rings first: a queue always takes
     * the caller, so there is nothing to fail once it has started.
     * <p>
     * The caller keeps the priority it was first queued with, and its place: it enters the new queue
     * as if it had waited there since it called ({@code enteredAt} is the call's arrival), the way a
     * caller passed on by an agent is served before those who called after it. The new group's
     * figures count the caller as offered to it from the transfer on (CallQueued). A re-queued caller
     * waits without the flow's announcements, maximum wait or empty-queue exit: its flow is over.
     */
    private void toGroup(AcdCall call, TransferTarget target, String by, Instant now) {
        Optional<GroupSettings> group = group(call, target, why -> refuse(call, target, why, now));
        if (group.isEmpty()) {
            return;
        }
        Dialog oldDialog = call.agentDialog;
        RtpLeg oldMedia = call.agentMedia;
        recordings.finish(call);
        Optional<AgentKey> oldAgent = call.state.transferredToGroup(target, group.get().id(), by, now);
        requests.bye(oldDialog);
        sessions.unlinkAgentLeg(call.agentCallId);
        if (oldMedia != null) {
            oldMedia.close();
        }
        // The wrap-up is the old group's, so before the call changes group.
        oldAgent.ifPresent(agent -> agentLegs.handedOver(call, agent));
        call.agentMedia = null;
        call.agentDialog = null;
        call.agentCallId = null;
        call.agentSdp = null;
        call.agentSince = null;
        call.agentId = 0;
        call.group = group.get();
        call.entry = new QueueEntry(call.callId, call.tenant, group.get().id(), call.state.priority(), call.receivedAt, history.node());
        queue.enqueue(call.entry);
        media.musicOnHold(call);
        history.record(call);
        distribution.raise();
        LOG.info(() -> "transferred to the queue of " + target.value());
    }

    private void refuse(AcdCall call, TransferTarget target, String why, Instant now) {
        LOG.info(() -> "transfer to " + target + " not possible: " + why);
        call.state.transferRefused(target, why, now);
        history.record(call);
    }

    /**
     * The one gate before any number is dialled, whichever way the transfer came (flow node, API on
     * any node): the tenant's transfer numbers are checked here, where the INVITE leaves, not only
     * where the request came in.
     */
    Optional<String> whyNotToNumber(AcdCall call, String number) {
        if (trunk.address().isEmpty()) {
            return Optional.of("no outbound trunk configured (verbund.trunk.outbound)");
        }
        if (!OutboundTrunk.isE164(number)) {
            return Optional.of(number + " is no number in E.164 form");
        }
        try {
            if (!directory.transferNumbers(call.tenantId).allows(number)) {
                return Optional.of(number + " is not among the tenant's transfer numbers");
            }
        } catch (DirectoryUnavailable e) {
            return Optional.of("configuration unavailable");
        }
        return Optional.empty();
    }

    /**
     * Sends the INVITE of the transfer leg the call started and starts its ring timer; false when it
     * could not be sent (the caller fails the transfer then).
     */
    boolean ring(AcdCall call, TransferTarget target, Runnable failedExit, AgentKey agent, long agentId,
                 SipDestination destination, Duration ringTime, boolean consultation) {
        RtpLeg leg = null;
        try {
            leg = node.engine().openLeg("transfer " + target + " " + call.callId);
            leg.belongsTo(call.callId, call.tenant == null ? null : call.tenant.value());
            Request invite = invite(call, target, destination, leg);
            ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
            String legCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            TransferLeg transfer = new TransferLeg(target, failedExit, transaction, sip.provider().getNewDialog(transaction),
                    legCallId, leg, agent, agentId, consultation);
            call.transfer = transfer;
            sessions.linkAgentLeg(legCallId, call);
            transaction.sendRequest();
            transfer.ringTimer = scheduler.schedule(() -> {
                try (CallLogContext context = CallLogContext.of(call)) {
                    ringTimedOut(call, transfer, ringTime);
                }
            }, ringTime.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(() -> "transfer to " + target + " rings");
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | MediaPortsExhausted e) {
            LOG.warning("transfer of call " + call.callId + " to " + target + " not started: " + e.getMessage());
            if (call.transfer != null && call.transfer.media == leg) {
                sessions.unlinkAgentLeg(call.transfer.legCallId);
                call.transfer = null;
            }
            if (leg != null) {
                leg.close();
            }
            return false;
        }
    }

    /** Whether the response belongs to a transfer leg that still rings; if so, it is handled here. */
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
                TransferLeg leg = call.transfer;
                if (leg == null || !leg.legCallId.equals(legCallId)) {
                    return false;
                }
                CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
                if (!Request.INVITE.equals(cseq.getMethod())) {
                    return true;
                }
                int status = response.getStatusCode();
                if (status > 100 && status < 200) {
                    if (!leg.ringing && leg.agent != null) {
                        agents.update(leg.agent, (current, at) -> current.ring(at));
                    }
                    leg.ringing = true;
                } else if (status >= 200 && status < 300) {
                    Dialog dialog = event.getDialog() != null ? event.getDialog() : leg.dialog;
                    answered(call, leg, dialog, response, cseq.getSeqNumber());
                } else if (status >= 300) {
                    failed(call, leg, "refused with " + status);
                }
                return true;
            }
        }
    }

    /** Whether the timed-out INVITE was a transfer's; if so, the transfer failed. */
    boolean onTimeout(ClientTransaction transaction) {
        String legCallId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Optional<AcdCall> found = sessions.byAgent(legCallId);
        if (found.isEmpty()) {
            return false;
        }
        AcdCall call = found.get();
        synchronized (call) {
            TransferLeg leg = call.transfer;
            if (leg == null || leg.invite != transaction) {
                return false;
            }
            failed(call, leg, "no response (408)");
            return true;
        }
    }

    private void ringTimedOut(AcdCall call, TransferLeg leg, Duration ringTime) {
        synchronized (call) {
            if (call.transfer != leg) {
                return;
            }
            requests.cancel(leg.invite);
            failed(call, leg, "no answer within " + ringTime.toSeconds() + " s");
        }
    }

    /**
     * The target answered. The media first (bridged before the ACK and before the caller's 200:
     * both ends talk the moment they have them, and the relay must not miss the first packet),
     * then the signalling.
     */
    private void answered(AcdCall call, TransferLeg leg, Dialog dialog, Response ok, long cseq) {
        Instant now = clock.instant();
        leg.cancelRingTimer();
        byte[] sdp = ok.getRawContent();
        try {
            leg.media.setRemote(SessionDescription.parse(new String(sdp == null ? new byte[0] : sdp, StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            LOG.warning("the transfer target's answer for call " + call.callId + " is not usable: " + e.getMessage());
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            failed(call, leg, "answer without usable session description");
            return;
        }
        call.transfer = null;
        if (leg.consultation) {
            consultations.answered(call, leg, dialog, sdp, cseq, now);
        } else if (leg.fromFlow()) {
            connectFromFlow(call, leg, dialog, sdp, cseq, now);
        } else {
            connectBlind(call, leg, dialog, sdp, cseq, now);
        }
    }

    private void connectFromFlow(AcdCall call, TransferLeg leg, Dialog dialog, byte[] sdp, long cseq, Instant now) {
        call.leaveFlow();
        call.callerMedia.stop();
        call.agentMedia = leg.media;
        recordings.bridge(call, now);
        requests.ack(call, dialog, cseq);
        if (!call.callerAnswered() && !signalling.answer(call, call.callerSdp)) {
            // The caller's transaction is gone (it hung up at this very moment): nobody to connect.
            requests.bye(dialog);
            sessions.unlinkAgentLeg(leg.legCallId);
            call.agentMedia = null;
            leg.media.close();
            call.state.transferFailed("the caller left as the number answered", now);
            history.record(call);
            return;
        }
        call.state.transferConnected(now);
        call.agentDialog = dialog;
        call.agentCallId = leg.legCallId;
        call.agentSdp = sdp;
        history.record(call);
        LOG.info(() -> "transferred to " + leg.target.value() + " by the call flow");
    }

    /** The old agent's leg is unbridged and hung up (its agent goes to wrap-up); the caller talks to the new leg. */
    private void connectBlind(AcdCall call, TransferLeg leg, Dialog dialog, byte[] sdp, long cseq, Instant now) {
        if (!call.state.is(CallPhase.CONNECTED)) {
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            release(call, leg);
            return;
        }
        Dialog oldDialog = call.agentDialog;
        RtpLeg oldMedia = call.agentMedia;
        recordings.finish(call);
        Optional<AgentKey> oldAgent = call.state.transferConnected(now);
        call.agentMedia = leg.media;
        call.agentId = leg.agentId;
        recordings.bridge(call, now);
        requests.ack(call, dialog, cseq);
        requests.bye(oldDialog);
        sessions.unlinkAgentLeg(call.agentCallId);
        if (oldMedia != null) {
            oldMedia.close();
        }
        oldAgent.ifPresent(agent -> agentLegs.handedOver(call, agent));
        call.agentSince = now;
        call.agentDialog = dialog;
        call.agentCallId = leg.legCallId;
        call.agentSdp = sdp;
        if (leg.agent != null) {
            agents.update(leg.agent, (current, at) -> current.answer(at));
        }
        history.record(call);
        LOG.info(() -> "transferred to " + leg.target);
    }

    /**
     * The transfer did not connect: the caller stays where it was — a flow takes its failed exit,
     * a connected caller keeps its agent.
     */
    private void failed(AcdCall call, TransferLeg leg, String why) {
        release(call, leg);
        if (leg.consultation) {
            consultations.failed(call, leg, why);
            return;
        }
        boolean backToFlow = call.state.transferFailed(why, clock.instant());
        history.record(call);
        LOG.info(() -> "transfer to " + leg.target + " failed: " + why);
        if (backToFlow) {
            media.stop(call);
            leg.failedExit.run();
        }
    }

    /**
     * The call ends (or is ended) while a transfer rings: the target's phone stops ringing. Called
     * under the call's monitor before the call's own clean-up.
     */
    void withdraw(AcdCall call, String why) {
        consultations.callEnding(call, why);
        TransferLeg leg = call.transfer;
        if (leg == null) {
            return;
        }
        requests.cancel(leg.invite);
        release(call, leg);
        if (leg.consultation) {
            call.state.consultationFailed(why, clock.instant());
        } else {
            call.state.transferFailed(why, clock.instant());
        }
        history.record(call);
    }

    /** Whether the BYE on {@code legCallId} was the consulted party's: then it ends the consultation only. */
    boolean consultedHungUp(AcdCall call, String legCallId) {
        return consultations.consultedHungUp(call, legCallId);
    }

    /** Forgets the ringing leg: its timer, its RTP, its link, and the reserved agent is free again. */
    void release(AcdCall call, TransferLeg leg) {
        leg.cancelRingTimer();
        if (call.transfer == leg) {
            call.transfer = null;
        }
        if (call.agentMedia != leg.media) {
            leg.media.close();
        }
        sessions.unlinkAgentLeg(leg.legCallId);
        if (leg.agent != null) {
            agents.update(leg.agent, (current, at) -> OfferTerms.withdrawn(current, at));
        }
    }

    private Request invite(AcdCall call, TransferTarget target, SipDestination destination, RtpLeg leg)
            throws ParseException, InvalidArgumentException {
        SipURI to = target.isAgent() ? sip.addresses().createSipURI(target.value(), sip.host()) : (SipURI) destination.requestUri().clone();
        if (destination.isSecure()) {
            // SDES keys travel in the SDP: only where the signalling is encrypted do they protect anything.
            leg.offerSrtp();
        }
        // The caller's law first, so the relay passes payload on untouched and a recording stays bit-exact.
        Request invite = requests.invite(call, destination, to, leg.offer(call.callerLaw()).toString().getBytes(StandardCharsets.US_ASCII));
        if (target.isAgent()) {
            invite.addHeader(sip.headers().createHeader("X-ACD-Service-Number", call.serviceNumber));
            if (call.group != null) {
                invite.addHeader(sip.headers().createHeader("X-ACD-Group", call.group.name()));
            }
        }
        return invite;
    }

    SipDestination trunkDestination(String number) {
        return SipDestination.direct(trunk.uriOf(number, sip.addresses()), trunk.address().orElseThrow().transport());
    }


}
