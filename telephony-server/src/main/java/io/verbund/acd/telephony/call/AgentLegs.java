package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;

import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.WrapUp;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.routing.RoutingDecision;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.media.MediaPortsExhausted;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import io.verbund.acd.telephony.sip.SipEndpoint;
import java.nio.charset.StandardCharsets;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The agent's side of the B2BUA: the INVITE to the agent's registered phone, its answer (which
 * connects the caller), its refusal or silence (the caller goes back to its place in the queue), and
 * the agent's state along the way.
 */
@ApplicationScoped
public class AgentLegs {

    private static final Logger LOG = Logger.getLogger(AgentLegs.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final SipEndpoint sip;
    private final CallSessions sessions;
    private final AgentStates agents;
    private final QueueStore queue;
    private final CallHistory history;
    private final DistributionSignal distribution;
    private final TelephonyDirectory directory;
    private final NodeMedia node;
    private final CallerSignalling signalling;
    private final CallRecordings recordings;
    private final OutboundRequests requests;
    private final RoutingTallies tallies;
    private final OutboundCalls outbound;
    private final Clock clock;

    /**
     * @param outbound dials a callback's number once its agent took it; a client proxy, as
     *     {@link OutboundCalls} rings an agent's own phone through this class
     */
    @Inject
    public AgentLegs(SipEndpoint sip, CallSessions sessions, AgentStates agents, QueueStore queue, CallHistory history,
                     DistributionSignal distribution, TelephonyDirectory directory, NodeMedia node,
                     CallerSignalling signalling, CallRecordings recordings, OutboundRequests requests, RoutingTallies tallies,
                     OutboundCalls outbound, Clock clock) {
        this.clock = clock;
        this.outbound = outbound;
        this.tallies = tallies;
        this.requests = requests;
        this.node = node;
        this.signalling = signalling;
        this.recordings = recordings;
        this.sip = sip;
        this.sessions = sessions;
        this.agents = agents;
        this.queue = queue;
        this.history = history;
        this.distribution = distribution;
        this.directory = directory;
    }

    protected AgentLegs() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Rings the reserved agents' phones: one, or all at once for ring-all, after the decision that
     * chose them joined the call's events. The agents are RESERVED and the caller is out of the queue;
     * an agent whose INVITE cannot be sent is freed at once.
     */
    void offer(AcdCall call, GroupSettings group, List<OfferTarget> targets, RoutingDecision decision) {
        Instant now = clock.instant();
        synchronized (call) {
            if (!call.state.is(CallPhase.QUEUED)) {
                targets.forEach(target -> agents.compareAndSet(target.reserved(), OfferTerms.withdrawn(target.reserved(), now)));
                return;
            }
            call.state.routingDecided(decision, now);
            if (call.callerGone && call.callerMedia == null) {
                // A callback: the number's leg, which the agent's offer is made in the law of (PCMU) and bridged to later.
                try {
                    call.callerMedia = node.engine().openLeg("callback " + call.callId);
                    call.callerMedia.belongsTo(call.callId, call.tenant.value());
                } catch (MediaPortsExhausted e) {
                    LOG.warning("callback " + call.callId + ": no RTP ports for the number's leg: " + e.getMessage());
                }
            }
            for (OfferTarget target : targets) {
                AgentStatus reserved = target.reserved();
                RtpLeg media = null;
                try {
                    media = call.callerMedia == null ? null : node.engine().openLeg("agent " + reserved.agent().extension() + " " + call.callId);
                    if (media != null) {
                        media.belongsTo(call.callId, call.tenant == null ? null : call.tenant.value());
                    }
                    Request invite = inviteFor(call, reserved.agent(), target.phone(), media);
                    ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
                    String agentCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
                    AgentOffer offer = new AgentOffer(reserved.agent(), group.member(reserved.agent().extension()).agentId(),
                            transaction, sip.provider().getNewDialog(transaction), agentCallId, media);
                    call.offers.add(offer);
                    sessions.linkAgentLeg(agentCallId, call);
                    call.state.offeredTo(reserved.agent(), target.why(), reserved.readySince(), now);
                    history.record(call);
                    transaction.sendRequest();
                    // FINE: the offer and its reason are among the call's events already; the hot path logs one line per call, at its end.
                    LOG.fine(() -> "offered to agent " + reserved.agent().extension() + ": " + target.why());
                } catch (ParseException | SipException | javax.sip.InvalidArgumentException | MediaPortsExhausted e) {
                    LOG.log(Level.WARNING, "offer of call " + call.callId + " to " + reserved.agent() + " failed: " + e.getMessage());
                    if (media != null) {
                        media.close();
                    }
                    call.offers.removeIf(offer -> offer.agent().equals(reserved.agent()));
                    if (call.state.involves(reserved.agent())) {
                        // Offered, but the INVITE did not leave: the offer ends as refused.
                        call.state.offerNotTaken(reserved.agent(), Response.SERVER_INTERNAL_ERROR, now);
                    }
                    agents.compareAndSet(reserved, group.offerTerms().notSent(reserved, now));
                }
            }
            history.record(call);
            if (call.offers.isEmpty()) {
                queue.enqueue(call.entry);
                return;
            }
            sessions.ringing(call);
            call.ringTimer = scheduler.schedule(() -> {
                try (CallLogContext context = CallLogContext.of(call)) {
                    ringTimedOut(call);
                }
            }, group.offerTerms().ringTime().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        String agentCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        sessions.byAgent(agentCallId).ifPresent(call -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                onAgentResponse(call, event, response, cseq);
            }
        });
    }

    private void onAgentResponse(AcdCall call, ResponseEvent event, Response response, CSeqHeader cseq) {
        int status = response.getStatusCode();
        if (status == Response.RINGING) {
            ringing(call, event.getClientTransaction());
        } else if (status >= 200 && status < 300) {
            answered(call, event, cseq.getSeqNumber());
        } else if (status >= 300) {
            notTaken(call, event.getClientTransaction(), status);
        }
    }

    private void ringing(AcdCall call, ClientTransaction transaction) {
        synchronized (call) {
            if (call.state.is(CallPhase.OFFERING)) {
                call.offerSentWith(transaction).ifPresent(offer -> agents.update(offer.agent(), (status, at) -> status.ring(at)));
            }
        }
    }

    private void answered(AcdCall call, ResponseEvent event, long cseq) {
        Instant now = clock.instant();
        Response agentOk = event.getResponse();
        synchronized (call) {
            Optional<AgentOffer> answering = call.offerSentWith(event.getClientTransaction());
            Dialog dialog = event.getDialog() != null ? event.getDialog() : answering.map(AgentOffer::dialog).orElse(null);
            if (dialog == null) {
                return;
            }
            if (!call.state.is(CallPhase.OFFERING) || answering.isEmpty()) {
                // Answered too late: another phone won, the caller left, or the ring time ran out.
                requests.ack(call, dialog, cseq);
                if (event.getClientTransaction() != null) {
                    hangUp(dialog);
                }
                return;
            }
            AgentOffer offer = answering.get();
            AgentStatus agentNow = agents.current(offer.agent(), now);
            if (!agentNow.isEngagedWith(call.callId)) {
                // Forced away or released while its phone rang: this agent must not get the call.
                requests.ack(call, dialog, cseq);
                hangUp(dialog);
                offerLost(call, offer, agentNow);
                return;
            }
            if (call.state.isCallback()) {
                outbound.takeCallback(call, offer, dialog, agentOk, cseq, now);
                return;
            }
            call.agentId = offer.agentId();
            // The media first: both phones start talking the moment they have their ACK and 200,
            // and the relay and the recording must not miss their first packet.
            if (offer.media() != null && !anchor(call, offer, agentOk, now)) {
                requests.ack(call, dialog, cseq);
                hangUp(dialog);
                return;
            }
            requests.ack(call, dialog, cseq);
            byte[] agentSdp = agentOk.getRawContent();
            String callerAnswer = offer.media() != null ? call.callerSdp
                    : agentSdp == null ? null : new String(agentSdp, StandardCharsets.US_ASCII);
            // A caller a transfer put back into a queue was answered by its first agent, one answered on
            // queue by its flow: it has its 200 already.
            boolean answeredBefore = call.callerAnswered();
            if (!answeredBefore && !signalling.answer(call, callerAnswer)) {
                hangUp(dialog);
                return;
            }
            call.offers.remove(offer);
            stopRinging(call, call.state.answeredBy(offer.agent(), now));
            call.agentSdp = agentSdp;
            call.agentDialog = dialog;
            call.agentCallId = offer.agentCallId();
            call.agentInvite = offer.invite().getRequest();
            agents.update(offer.agent(), (status, at) -> status.answer(at));
            call.answeredAt = now;
            call.agentSince = now;
            sessions.talking(call);
            history.record(call);
            LOG.fine(() -> "answered by agent " + offer.agent().extension());
        }
    }

    /** The agent phone's answer completes its leg, which is bridged to the caller's (and recorded). */
    private boolean anchor(AcdCall call, AgentOffer offer, Response agentOk, Instant now) {
        byte[] agentSdp = agentOk.getRawContent();
        try {
            offer.media().setRemote(SessionDescription.parse(new String(agentSdp == null ? new byte[0] : agentSdp, StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            LOG.warning("agent phone's answer for call " + call.callId + " not usable: " + e.getMessage());
            return false;
        }
        call.leaveFlow();
        call.callerMedia.stop();
        call.agentMedia = offer.media();
        recordings.bridge(call, now);
        return true;
    }


    private void notTaken(AcdCall call, ClientTransaction transaction, int status) {
        Instant now = clock.instant();
        synchronized (call) {
            Optional<AgentOffer> refused = call.offerSentWith(transaction);
            if (refused.isEmpty() || !call.state.is(CallPhase.OFFERING)) {
                return;
            }
            if (!release(call, refused.get(), status, now)) {
                return;
            }
            backToQueue(call);
        }
        distribution.raise();
    }

    void transactionTimedOut(ClientTransaction transaction) {
        String agentCallId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        sessions.byAgent(agentCallId).ifPresent(call -> notTaken(call, transaction, Response.REQUEST_TIMEOUT));
    }

    /** Nobody answered in the group's ring time: every phone still ringing is cancelled, each a no-answer. */
    private void ringTimedOut(AcdCall call) {
        Instant now = clock.instant();
        synchronized (call) {
            if (!call.state.is(CallPhase.OFFERING)) {
                return;
            }
            List<AgentKey> unanswered = call.state.ringTimeOver(now);
            for (AgentOffer offer : List.copyOf(call.offers)) {
                if (unanswered.contains(offer.agent())) {
                    requests.cancel(offer.invite());
                    forget(call, offer);
                    agents.update(offer.agent(), (current, at) -> call.group.offerTerms().notTaken(current, Response.REQUEST_TIMEOUT, at));
                }
            }
            history.record(call);
            backToQueue(call);
        }
        distribution.raise();
    }

    /**
     * One phone stopped ringing without answering: its agent is freed as the group's offer terms
     * say (paused after too many no-answers).
     *
     * @return whether no phone rings for the call any more (it is back in the queue)
     */
    private boolean release(AcdCall call, AgentOffer offer, int status, Instant now) {
        forget(call, offer);
        agents.update(offer.agent(), (current, at) -> call.group.offerTerms().notTaken(current, status, at));
        boolean back = call.state.offerNotTaken(offer.agent(), status, now);
        history.record(call);
        return back;
    }

    /** The offer's leg is no longer the call's: its RTP and its Call-ID link go. */
    private void forget(AcdCall call, AgentOffer offer) {
        call.offers.remove(offer);
        offer.releaseMedia();
        sessions.unlinkAgentLeg(offer.agentCallId());
    }

    /**
     * The agent a phone rings for is no longer the call's (a supervisor forced it away, or its
     * lease ended): that phone stops ringing, and with no other phone left the caller goes back to
     * its place in the queue. The agent's status is left as it is: it is what someone made it.
     */
    void offerLost(AcdCall call, AgentOffer offer, AgentStatus status) {
        requests.cancel(offer.invite());
        forget(call, offer);
        boolean back = call.state.offerWithdrawn(offer.agent(), "agent is " + status.state() + " now", clock.instant());
        history.record(call);
        LOG.info(() -> "offer to agent " + offer.agent().extension() + " withdrawn: the agent is " + status.state() + " now");
        if (back) {
            backToQueue(call);
            distribution.raise();
        }
    }

    /** The call is back in the queue (no phone rings for it): the caller returns to its old place. */
    private void backToQueue(AcdCall call) {
        call.clearOffers();
        queue.enqueue(call.entry);
    }

    /**
     * Cancels the phones of the offers the call withdrew (another answered, the caller left, the
     * call was ended); their agents did nothing wrong and are free at once. The withdrawals are
     * already among the call's events.
     */
    void stopRinging(AcdCall call, List<AgentKey> withdrawn) {
        for (AgentOffer offer : List.copyOf(call.offers)) {
            if (!withdrawn.contains(offer.agent())) {
                continue;
            }
            requests.cancel(offer.invite());
            forget(call, offer);
            agents.update(offer.agent(), (current, at) -> OfferTerms.withdrawn(current, at));
        }
        if (call.offers.isEmpty()) {
            call.clearOffers();
        }
    }

    /** The connected call ended on the caller's side: hang up the other leg and start its agent's wrap-up. */
    void endFromCaller(AcdCall call) {
        hangUp(call.agentDialog);
        endForAgent(call);
    }

    /** The agent's wrap-up after its call; nothing for a call whose other leg is no agent (a transfer to a number). */
    void endForAgent(AcdCall call) {
        call.state.agent().ifPresent(agent -> handedOver(call, agent));
    }

    /**
     * The agent is done with the call (it ended, or a transfer took it on): it counts as a call taken
     * today, with its talk time, and the agent's wrap-up starts.
     */
    void handedOver(AcdCall call, AgentKey agent) {
        if (call.agentSince != null) {
            tallies.callTaken(agent, Duration.between(call.agentSince, clock.instant()));
        }
        endForAgent(agent, call.group, call.callId);
    }

    /**
     * Starts the agent's wrap-up as its group has it ({@link WrapUp}) and ends it when its time is
     * up; with forced disposition only once the call has one (else the portal ends it when the agent
     * gives one). Also for an agent a transfer took the call from.
     */
    void endForAgent(AgentKey agent, GroupSettings group, String callId) {
        WrapUp wrapUp = group == null ? WrapUp.NONE : group.wrapUp();
        agents.update(agent, (current, at) -> wrapUp.callEnded(current, at));
        if (wrapUp.hasTime()) {
            endWrapUpIn(wrapUp.time(), agent, wrapUp, callId);
        }
    }

    /**
     * Ends the agent's wrap-up of the call after {@code delay}. An agent who extended it meanwhile
     * (through any node: the extension is in its shared status) is looked at again at the new end.
     */
    private void endWrapUpIn(Duration delay, AgentKey agent, WrapUp wrapUp, String callId) {
        scheduler.schedule(() -> {
            try {
                boolean disposed = wrapUp.dispositionRequired() && directory.hasDisposition(callId);
                // Whether to look again is judged at the instant the time-up was: a later reading of the clock
                // could find the end passed that the time-up did not, and the agent would stay in wrap-up for good.
                AtomicReference<Instant> judgedAt = new AtomicReference<>();
                agents.update(agent, (current, at) -> {
                    judgedAt.set(at);
                    return wrapUp.timeUp(current, callId, disposed, at);
                }).flatMap(status -> wrapUp.extendedUntil(status, callId, judgedAt.get()))
                        // A millisecond past the end: the scheduler's clock is not the wall clock.
                        .ifPresent(end -> endWrapUpIn(Duration.between(judgedAt.get(), end).plusMillis(1), agent, wrapUp, callId));
            } catch (RuntimeException e) {
                // A scheduled task's failure is not logged, and the agent would stay in wrap-up for good.
                LOG.log(Level.SEVERE, "the wrap-up of agent " + agent + " after call " + callId + " could not be ended", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void hangUp(Dialog dialog) {
        requests.bye(dialog);
    }

    /**
     * The INVITE to an agent's registered phone, addressed as the phone's binding says: the one way
     * this node reaches an agent's phone, for offers and for an agent's own outbound calls alike.
     */
    Request inviteFor(AcdCall call, AgentKey agent, Binding phone, RtpLeg media) throws ParseException, javax.sip.InvalidArgumentException {
        SipDestination destination = SipDestination.phone(phone, sip.addresses());
        if (media != null && destination.isSecure()) {
            // SDES keys travel in the SDP: only where the signalling is encrypted do they protect anything.
            media.offerSrtp();
        }
        // Our offer in the caller's law, so the relay passes payload on untouched and the recording is bit-exact;
        // a caller without a session description gets the phone's, passed through.
        byte[] sdp = media != null ? media.offer(call.callerLaw()).toString().getBytes(StandardCharsets.US_ASCII) : call.callerRequest.getRawContent();
        Request invite = requests.invite(call, destination, sip.addresses().createSipURI(agent.extension(), sip.host()), sdp);
        if (call.serviceNumber != null) {
            invite.addHeader(sip.headers().createHeader("X-ACD-Service-Number", call.serviceNumber));
        }
        if (call.group != null) {
            invite.addHeader(sip.headers().createHeader("X-ACD-Group", call.group.name()));
        }
        if (call.state.isCallback()) {
            // What the phone shows: the agent is about to call someone back, not to take a caller.
            String number = call.state.callbackNumber().orElseThrow();
            ((javax.sip.header.FromHeader) invite.getHeader(javax.sip.header.FromHeader.NAME)).getAddress()
                    .setDisplayName("Callback to " + number);
            invite.addHeader(sip.headers().createHeader("X-ACD-Callback", number));
        }
        return invite;
    }

}
