package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.ReleaseReason;
import io.verbund.acd.call.CallPhase;

import io.verbund.acd.telephony.directory.DirectoryUnavailable;
import io.verbund.acd.telephony.directory.ServiceNumberRoute;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.media.MalformedSdp;
import io.verbund.acd.telephony.media.MediaPortsExhausted;
import io.verbund.acd.telephony.media.NoCommonCodec;
import io.verbund.acd.telephony.media.NoUsableCrypto;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import io.verbund.acd.audio.AudioCodec;
import java.nio.charset.StandardCharsets;
import io.verbund.acd.telephony.sip.SipEndpoint;
import io.verbund.acd.telephony.sip.SipResponses;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's side: every INVITE from the trunk is answered with 100 and 180 on the SIP thread
 * before anything else (the distributor in front waits for exactly that), or refused at once with
 * 503 when the node is full. The look-up of the service number, the call flow and the queue run on
 * a managed thread.
 */
@ApplicationScoped
public class InboundCalls {

    private static final Logger LOG = Logger.getLogger(InboundCalls.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final SipEndpoint sip;
    private final SipResponses responses;
    private final CallSessions sessions;
    private final TelephonyDirectory directory;
    private final QueueStore queue;
    private final CallHistory history;
    private final AgentLegs agentLegs;
    private final DistributionSignal distribution;
    private final CallFlows flows;
    private final CallerMedia media;
    private final Voicemails voicemails;
    private final QueueAnnouncements announcements;
    private final Transfers transfers;
    private final AgentReleases releases;
    private final OutboundCalls outbound;
    private final Callbacks callbacks;
    private final CallSupervision parties;
    private final int maxCalls;
    private final Clock clock;

    @Inject
    public InboundCalls(SipEndpoint sip, SipResponses responses, CallSessions sessions, TelephonyDirectory directory,
                        QueueStore queue, CallHistory history, AgentLegs agentLegs, DistributionSignal distribution, CallFlows flows,
                        CallerMedia media, Voicemails voicemails, QueueAnnouncements announcements,
                        Transfers transfers, AgentReleases releases, OutboundCalls outbound, Callbacks callbacks, CallSupervision parties,
                        @ConfigProperty(name = "verbund.telephony.max-calls", defaultValue = "1000") int maxCalls, Clock clock) {
        this.clock = clock;
        this.flows = flows;
        this.media = media;
        this.voicemails = voicemails;
        this.announcements = announcements;
        this.transfers = transfers;
        this.releases = releases;
        this.outbound = outbound;
        this.callbacks = callbacks;
        this.parties = parties;
        this.sip = sip;
        this.responses = responses;
        this.sessions = sessions;
        this.directory = directory;
        this.queue = queue;
        this.history = history;
        this.agentLegs = agentLegs;
        this.distribution = distribution;
        this.maxCalls = maxCalls;
    }

    protected InboundCalls() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null);
    }

    /**
     * On the SIP thread: answer at once, then hand the call to a managed thread. An INVITE with a To
     * tag is a re-INVITE; {@code matched} is the dialog the stack matched it to (null for none).
     */
    public void onInvite(ServerTransaction transaction, Dialog matched) {
        Request request = transaction.getRequest();
        if (request.getHeader(ToHeader.NAME) != null && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            onReInvite(transaction, matched);
            return;
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
            // The call would be forwarded to an agent's phone or a number (RFC 3261 16.3): a loop ends here.
            responses.send(transaction, Response.TOO_MANY_HOPS, "Max-Forwards is 0");
            return;
        }
        if (sessions.active() >= maxCalls) {
            responses.send(transaction, Response.SERVICE_UNAVAILABLE, "node at its limit of " + maxCalls + " calls", 5);
            return;
        }
        try {
            transaction.sendResponse(sip.messages().createResponse(Response.TRYING, request));
            Response ringing = sip.messages().createResponse(Response.RINGING, request);
            ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag(UUID.randomUUID().toString().substring(0, 12));
            Dialog dialog = sip.provider().getNewDialog(transaction);
            transaction.sendResponse(ringing);
            String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
            AcdCall call = new AcdCall(callId, transaction, dialog, clock.instant(), callerOf(request), dialled(request));
            sessions.add(call);
            executor.execute(() -> {
                try (CallLogContext context = CallLogContext.of(call)) {
                    route(call);
                }
            });
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException e) {
            LOG.log(Level.WARNING, "INVITE not answered: " + e.getMessage());
            responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "cannot answer");
        }
    }

    /**
     * A re-INVITE inside a call, from either leg (a session refresh, hold, a codec change). Where
     * the media is anchored here, that leg answers the new offer itself (a new address, hold); else
     * the session stays as it is: the answer is the session description the other leg gave, which
     * both ends already use. Only inside the leg's own dialog (Call-ID, To tag and From tag, as the
     * stack matched them); else 481 and the call goes on.
     */
    private void onReInvite(ServerTransaction transaction, Dialog dialog) {
        Request request = transaction.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<AcdCall> fromCaller = dialog == null ? Optional.empty() : sessions.byCaller(callId);
        Optional<AcdCall> found = dialog == null ? Optional.empty() : fromCaller.or(() -> sessions.byAgent(callId));
        if (found.isEmpty() || fromCaller.isPresent() && !found.get().isCallerDialog(dialog)) {
            responses.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no dialog with this Call-ID and these tags here");
            return;
        }
        AcdCall call = found.get();
        synchronized (call) {
            if (!call.state.is(CallPhase.CONNECTED)) {
                // RFC 3261 14.2: an INVITE while the first is still pending gets 500 with Retry-After.
                responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "call not connected yet", 2);
                return;
            }
            byte[] sdp = fromCaller.isPresent() ? call.agentSdp : call.callerRequest == null ? null : call.callerRequest.getRawContent();
            RtpLeg leg = fromCaller.isPresent() ? call.callerMedia : call.agentMedia;
            if (leg != null) {
                try {
                    byte[] offer = request.getRawContent();
                    sdp = (offer == null || offer.length == 0 ? leg.offer(leg.negotiated().map(audio -> audio.codec()).orElse(AudioCodec.PCMU))
                            : leg.answer(SessionDescription.parse(new String(offer, StandardCharsets.US_ASCII))))
                            .toString().getBytes(StandardCharsets.US_ASCII);
                } catch (NoCommonCodec | MalformedSdp e) {
                    responses.send(transaction, Response.NOT_ACCEPTABLE_HERE, e.getMessage());
                    return;
                }
            }
            try {
                Response ok = sip.messages().createResponse(Response.OK, request);
                ok.addHeader(sip.contact(SipEndpoint.transportOf(request)));
                if (sdp != null) {
                    ok.setContent(sdp, sip.headers().createContentTypeHeader("application", "sdp"));
                }
                transaction.sendResponse(ok);
                sessions.renewed(call);
            } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException e) {
                LOG.warning("re-INVITE of call " + call.callId + " not answered: " + e.getMessage());
                responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "cannot answer");
            }
        }
    }

    private void route(AcdCall call) {
        Optional<ServiceNumberRoute> route;
        try {
            route = call.serviceNumber == null ? Optional.empty() : directory.serviceNumber(call.serviceNumber);
        } catch (DirectoryUnavailable e) {
            refuse(call, Response.SERVICE_UNAVAILABLE, "configuration unavailable", 10);
            return;
        }
        if (route.isEmpty()) {
            refuse(call, Response.NOT_FOUND, "unknown service number " + call.serviceNumber, -1);
            return;
        }
        ServiceNumberRoute number = route.get();
        Instant now = clock.instant();
        synchronized (call) {
            if (!call.state.is(CallPhase.ROUTING)) {
                return;
            }
            call.tenant = number.tenant();
            call.state.routedTo(number.tenant());
            call.tenantId = number.tenantId();
            call.answerOnQueue = number.answerOnQueue();
            CallLogContext.tenantKnown(call);
            if (number.maxChannels() != null && activeCallsOf(number.tenantId()) > number.maxChannels()) {
                call.state.end();
                sessions.remove(call);
                responses.send(call.callerInvite, Response.BUSY_HERE, "tenant at its limit of " + number.maxChannels() + " channels");
                return;
            }
            history.received(call);
            try {
                media.open(call, key -> flows.digit(call, key));
            } catch (NoUsableCrypto e) {
                flows.endCall(call, Response.NOT_ACCEPTABLE_HERE, "SRTP offer without a usable crypto line: offer AES_CM_128_HMAC_SHA1_80 with an inline key", "REJECTED");
                return;
            } catch (NoCommonCodec e) {
                flows.endCall(call, Response.NOT_ACCEPTABLE_HERE, "no common codec: offer PCMU or PCMA", "REJECTED");
                return;
            } catch (MalformedSdp e) {
                flows.endCall(call, Response.BAD_REQUEST, "session description not readable: " + e.getMessage(), "REJECTED");
                return;
            } catch (MediaPortsExhausted e) {
                flows.endCall(call, Response.SERVICE_UNAVAILABLE, "no RTP port free on this node", "FAILED");
                return;
            }
            flows.start(call, number);
        }
    }

    /**
     * A key from a SIP INFO in the caller's dialog ({@code dialog}, as the stack matched the INFO's
     * tags); false when no call here has that dialog as its caller's.
     */
    public boolean onInfoDigit(String callId, Dialog dialog, char key) {
        Optional<AcdCall> call = sessions.byCaller(callId).filter(found -> found.isCallerDialog(dialog));
        call.ifPresent(found -> flows.digit(found, key));
        return call.isPresent();
    }

    /**
     * The caller hung up before being connected: a CANCEL that matched {@code invite}, the INVITE's
     * server transaction. Abandons the call only if that INVITE is the one that brought it.
     */
    public void onCancel(ServerTransaction invite) {
        String callId = ((CallIdHeader) invite.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        sessions.byCaller(callId).filter(call -> call.callerInvite == invite).ifPresent(call -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                abandon(call);
            }
        });
        distribution.raise();
    }

    private void abandon(AcdCall call) {
        synchronized (call) {
            if (call.state.is(CallPhase.CONNECTED) || call.state.is(CallPhase.ENDED)) {
                return;
            }
            if (call.state.isCallback()) {
                // Hung up while hearing that it will be called back: it keeps its place, no abandon.
                responses.send(call.callerInvite, Response.REQUEST_TERMINATED, null);
                callbacks.callerHungUp(call);
                return;
            }
            // Out of the node's count before the caller hears 487, so it can call again at once.
            sessions.remove(call);
            responses.send(call.callerInvite, Response.REQUEST_TERMINATED, null);
            if (call.entry != null) {
                queue.remove(call.callId);
            }
            agentLegs.stopRinging(call, call.state.abandoned(clock.instant()));
            transfers.withdraw(call, "caller hung up");
            history.record(call);
            call.clearOffers();
            sessions.remove(call);
            call.leaveFlow();
            media.close(call);
            LOG.info("caller abandoned");
        }
    }

    /**
     * Ends a call because someone asked through the API (a supervisor, an integrator), whatever its
     * phase: a connected call loses both legs (the agent goes into wrap-up); a caller still waiting
     * or being offered hears 480 and leaves the queue. Recorded with who asked.
     *
     * @return whether this node held the call
     */
    public boolean endByRequest(String callId, String by) {
        Optional<AcdCall> held = sessions.byCaller(callId);
        held.ifPresent(call -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                endFromOutside(call, "api:" + by, "Call ended by " + by);
            }
        });
        distribution.raise();
        return held.isPresent();
    }

    /**
     * The agent a connected call talks to is no longer on it: a supervisor forced the agent out, or
     * the agent's lease ended (its phone unregistered). Both legs end; the agent is left as it is.
     */
    void endBecauseAgentLeft(AcdCall call, AgentStatus agent) {
        LOG.warning(() -> "agent " + agent.agent().extension() + " is " + agent.state() + " now: the call ends");
        endFromOutside(call, "agent-" + agent.state().name().toLowerCase(Locale.ROOT), "Agent left the call");
        distribution.raise();
    }

    /**
     * One side of a connected call sent no audio for {@code timeout} ({@link RtpInactivity}): its
     * phone or browser is gone without a BYE. Both legs get a BYE (the silent one may never answer
     * it, which changes nothing here), the agent goes into wrap-up and the call ends ANSWERED, ended
     * by {@code rtp-timeout:<side>}.
     */
    void endBecauseAudioStopped(AcdCall call, String side, java.time.Duration timeout) {
        LOG.warning(() -> "no audio from the " + side + " for " + timeout.toSeconds() + " s: the call ends");
        endFromOutside(call, "rtp-timeout:" + side, "No audio from the " + side);
        distribution.raise();
    }

    /**
     * The caller never acknowledged the answer (RFC 3261 13.3.1.4: the node retransmitted its 200
     * for 64·T1 without an ACK): the dialog is dead, so both legs get a BYE, the agent is released
     * at once (it never talked to anyone) and the call ends FAILED.
     */
    public void onAckTimeout(String callId) {
        sessions.byCaller(callId).ifPresent(call -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    if (!call.state.isConnected()) {
                        return;
                    }
                    LOG.warning("the caller never acknowledged the answer: both legs end");
                    transfers.withdraw(call, "the caller never acknowledged the answer");
                    agentLegs.hangUp(call.callerDialog);
                    agentLegs.hangUp(call.agentDialog);
                    if (call.hasAgent()) {
                        releases.release(call.agent(), call.callId, ReleaseReason.ACK_NOT_RECEIVED);
                    }
                    history.ended(call, "FAILED", "ack-timeout", clock.instant());
                    call.state.end();
                    sessions.remove(call);
                    media.close(call);
                }
            }
        });
    }

    /**
     * Ends a call from outside its own signalling, whatever its phase: a connected call loses both
     * legs (the agent goes into wrap-up, if it is still on the call); a caller still waiting or being
     * offered hears 480 and leaves the queue.
     *
     * @param endedBy      who ended it, for the record ("api:admin@demo", "agent-logged_out")
     * @param reasonPhrase the 480's reason phrase for a caller not yet connected
     */
    private void endFromOutside(AcdCall call, String endedBy, String reasonPhrase) {
        synchronized (call) {
            if (call.state.isEnded()) {
                return;
            }
            Instant now = clock.instant();
            transfers.withdraw(call, "call ended by " + endedBy);
            if (call.state.is(CallPhase.DIALLING)) {
                outbound.cancel(call, endedBy);
                return;
            }
            if (call.state.isConnected()) {
                agentLegs.hangUp(call.callerDialog);
                agentLegs.endFromCaller(call);
                history.ended(call, connectedOutcome(call), endedBy, now);
            } else if (call.answeredByNode) {
                agentLegs.hangUp(call.callerDialog);
                history.ended(call, call.voicemailFile != null ? "VOICEMAIL" : "TERMINATED", endedBy, now);
            } else {
                sessions.remove(call);
                if (call.callerAnswered()) {
                    // Waiting again after a transfer to a group, or answered on queue: answered, so a BYE.
                    agentLegs.hangUp(call.callerDialog);
                } else {
                    responses.send(call.callerInvite, Response.TEMPORARILY_UNAVAILABLE, reasonPhrase);
                }
                if (call.entry != null) {
                    queue.remove(call.callId);
                }
                agentLegs.stopRinging(call, call.state.ended("TERMINATED", endedBy, now));
                history.record(call);
                call.clearOffers();
            }
            call.state.end();
            sessions.remove(call);
            call.leaveFlow();
            voicemails.finish(call);
            media.close(call);
            LOG.info(() -> "call ended by " + endedBy);
        }
    }

    /**
     * BYE on either leg of a connected call, in {@code dialog}: the stack found it by the request's
     * Call-ID, To tag and From tag. The caller's leg must be that very dialog; an agent's or a
     * transfer's leg has a Call-ID of this node's making, which its dialog carries.
     */
    public void onBye(String callId, Dialog dialog) {
        Optional<AcdCall> fromCaller = sessions.byCaller(callId).filter(found -> found.isCallerDialog(dialog));
        Optional<AcdCall> call = fromCaller.isPresent() ? fromCaller
                : dialog == null ? Optional.empty() : sessions.byAgent(callId);
        call.ifPresent(found -> {
            try (CallLogContext context = CallLogContext.of(found)) {
                end(found, fromCaller.isPresent(), callId);
            }
        });
    }

    /**
     * The caller hung up outside a dialog the stack knows (its node is gone, {@link StrandedCallers}),
     * or answered a takeover's re-INVITE with 481 ({@link CallTakeovers}): as {@link #onBye} ends it.
     */
    void callerHungUp(AcdCall call) {
        try (CallLogContext context = CallLogContext.of(call)) {
            end(call, true, call.callId);
        }
    }

    /**
     * The agent's phone hung up where no BYE reached a live node (it answered a takeover's re-INVITE
     * with 481, {@link CallTakeovers}): as {@link #onBye} ends it, the agent in its wrap-up.
     */
    void agentHungUp(AcdCall call) {
        try (CallLogContext context = CallLogContext.of(call)) {
            end(call, false, call.agentCallId);
        }
    }

    private void end(AcdCall found, boolean byCaller, String legCallId) {
        synchronized (found) {
            if (!byCaller && found.transfer != null && found.transfer.legCallId.equals(legCallId)) {
                // A transfer target that hangs up before it is connected ends nothing but its own leg.
                return;
            }
            if (!byCaller && transfers.consultedHungUp(found, legCallId)) {
                return;
            }
            if (byCaller && found.state.isCallback() && !found.state.is(CallPhase.CONNECTED) && !found.state.is(CallPhase.ENDED)) {
                callbacks.callerHungUp(found);
                return;
            }
            if (!byCaller && found.mixing != null && found.mixing.partyHungUp(found, legCallId)) {
                // A supervisor or a conference's third party left: caller and agent talk on.
                return;
            }
            if (byCaller && (found.answeredByNode || found.answeredInFlow && !found.state.isWaitingForAgent())
                    && !found.state.is(CallPhase.CONNECTED) && !found.state.is(CallPhase.ENDED)) {
                // The caller hung up on the node itself: after (or while) leaving a message, or in the flow it was answered in.
                voicemails.finish(found);
                history.ended(found, found.voicemailFile != null ? "VOICEMAIL" : "HANGUP_IN_FLOW", "caller", clock.instant());
                sessions.remove(found);
                found.leaveFlow();
                media.close(found);
                return;
            }
            if (found.state.is(CallPhase.DIALLING) && !byCaller) {
                // The agent hung up its own outbound call before the number answered.
                outbound.cancel(found, "agent");
                return;
            }
            if (byCaller && found.callerAnswered() && found.state.isWaitingForAgent()) {
                // A caller answered on queue, or one a transfer put back into a queue, hangs up while it
                // waits: it abandons that queue (answered before, so it says so with a BYE, not a CANCEL).
                sessions.remove(found);
                queue.remove(found.callId);
                agentLegs.stopRinging(found, found.state.abandoned(clock.instant()));
                history.record(found);
                found.clearOffers();
                found.leaveFlow();
                media.close(found);
                LOG.info("caller abandoned the queue a transfer put it in");
                return;
            }
            if (!found.state.is(CallPhase.CONNECTED)) {
                return;
            }
            if (!byCaller && legCallId.equals(found.agentCallId) && parties.handOver(found, "agent", true)) {
                // The agent left its conference: the caller talks on with the third party.
                return;
            }
            transfers.withdraw(found, "call ended by the " + (byCaller ? "caller" : found.hasAgent() ? "agent" : "transfer target"));
            if (byCaller) {
                agentLegs.endFromCaller(found);
                history.ended(found, connectedOutcome(found), found.state.isOutbound() ? "far end" : "caller", clock.instant());
            } else {
                agentLegs.hangUp(found.callerDialog);
                agentLegs.endForAgent(found);
                history.ended(found, connectedOutcome(found), found.hasAgent() ? "agent" : "transfer target", clock.instant());
            }
            found.state.end();
            sessions.remove(found);
            media.close(found);
            if (found.answeredAt != null && found.group != null && !found.state.isOutbound()) {
                // The expected wait the queue announces is measured on calls that came in.
                announcements.handled(found.group.id(), java.time.Duration.between(found.answeredAt, clock.instant()));
            }
            LOG.info(() -> "call ended by the " + (byCaller ? "caller" : "agent"));
        }
    }

    /** A connected call ends ANSWERED, or TRANSFERRED when its other leg is a number a transfer reached. */
    static String connectedOutcome(AcdCall call) {
        return call.state.transferredNumber().isPresent() ? "TRANSFERRED" : "ANSWERED";
    }

    private void refuse(AcdCall call, int status, String why, int retryAfter) {
        synchronized (call) {
            call.state.end();
            sessions.remove(call);
            responses.send(call.callerInvite, status, why, retryAfter);
        }
    }

    private long activeCallsOf(long tenantId) {
        return sessions.all().stream().filter(other -> other.tenantId == tenantId).count();
    }

    private static String dialled(Request request) {
        if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        return null;
    }

    private static String callerOf(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from != null && from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
            String user = uri.getUser();
            return user.length() > 128 ? user.substring(0, 128) : user;
        }
        return null;
    }
}
