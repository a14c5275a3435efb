package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.call.CallPhase;
import io.verbund.acd.call.OutboundOutcome;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.OutboundCallAsked;
import io.verbund.acd.runtime.concurrent.DeploymentExecutor;
import io.verbund.acd.telephony.directory.AgentLine;
import io.verbund.acd.telephony.directory.DirectoryUnavailable;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.directory.OutboundSettings;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.media.MediaPortsExhausted;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.Playable;
import io.verbund.acd.telephony.media.Ringback;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.registrar.Registrations;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
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
 * An agent's outbound call (click-to-dial, {@code POST /calls}): the node that claims the command
 * first rings the agent's own registered phone; once the agent picks up, it dials the number
 * through the trunk presenting the tenant's caller ID, and bridges the two legs in the media engine
 * when the number answers (recorded as the call's group records). From then on the call is a
 * connected call like any other: BYE on either leg, the API's hang-up and the agent's wrap-up take
 * the inbound path. Whatever stops it before that ends it here with an {@link OutboundOutcome}.
 * <p>
 * The agent must be READY: an outbound call reserves the agent like an offer does, so the
 * distributor cannot give it a caller meanwhile, and a paused or wrapping-up agent goes ready first.
 * Before it picked up, an agent whose call failed is free again at once; after, it goes into its
 * group's wrap-up, so a busy or unanswered attempt can get its disposition too.
 * <p>
 * The number is checked here, where the INVITE leaves, against the tenant's external numbers (the
 * transfer numbers), whatever the API checked before.
 */
@ApplicationScoped
public class OutboundCalls {

    private static final Logger LOG = Logger.getLogger(OutboundCalls.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService managed;
    /** The managed executor with the deployment's class loader: requests arrive on the cache's notification threads. */
    private Executor executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final SipEndpoint sip;
    private final CallSessions sessions;
    private final OutboundTrunk trunk;
    private final NodeMedia node;
    private final CallerMedia media;
    private final CallRecordings recordings;
    private final CallHistory history;
    private final AgentStates agents;
    private final AgentLegs agentLegs;
    private final OutboundRequests requests;
    private final Registrations registrations;
    private final TelephonyDirectory directory;
    private final CallCommands commands;
    private final Callbacks callbacks;
    private final Clock clock;
    private final Consumer<OutboundCallAsked> onAsked = this::asked;

    @Inject
    public OutboundCalls(SipEndpoint sip, CallSessions sessions, OutboundTrunk trunk, NodeMedia node, CallerMedia media,
                         CallRecordings recordings, CallHistory history, AgentStates agents, AgentLegs agentLegs,
                         OutboundRequests requests, Registrations registrations, TelephonyDirectory directory, CallCommands commands,
                         Callbacks callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.sip = sip;
        this.sessions = sessions;
        this.trunk = trunk;
        this.node = node;
        this.media = media;
        this.recordings = recordings;
        this.history = history;
        this.agents = agents;
        this.agentLegs = agentLegs;
        this.requests = requests;
        this.registrations = registrations;
        this.directory = directory;
        this.commands = commands;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected OutboundCalls() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    void start(@Observes Startup startup) {
        executor = new DeploymentExecutor(managed);
        commands.watchOutboundCalls(onAsked);
    }

    @PreDestroy
    void stop() {
        commands.stopWatchingOutboundCalls(onAsked);
    }

    /**
     * On Infinispan's notification thread: the claim (a cache write) and the call go to a managed
     * thread with the deployment's class loader (with the notifying thread's, a cache write from the
     * task can fail in WildFly's marshalling, and the call was then never placed).
     */
    private void asked(OutboundCallAsked asked) {
        executor.execute(() -> {
            if (commands.claimOutbound(asked.callId())) {
                place(asked);
            }
        });
    }

    /** Places the call this node claimed; every refusal is recorded as the call's failure, so the API's caller sees why. */
    void place(OutboundCallAsked asked) {
        Instant now = clock.instant();
        AgentKey agent = asked.agent();
        Optional<OutboundSettings> tenant;
        Optional<AgentLine> line;
        Optional<GroupSettings> group;
        try {
            tenant = directory.outbound(agent.tenant());
            line = tenant.isEmpty() ? Optional.empty() : directory.agent(tenant.get().tenantId(), agent.extension());
            group = tenant.isEmpty() ? Optional.empty() : asked.group().flatMap(id -> directory.group(tenant.get().tenantId(), id));
        } catch (DirectoryUnavailable e) {
            LOG.warning(() -> "outbound call " + asked.callId() + " not placed: configuration unavailable");
            return;
        }
        if (tenant.isEmpty()) {
            LOG.warning(() -> "outbound call " + asked.callId() + " not placed: no tenant " + agent.tenant());
            return;
        }
        AcdCall call = new AcdCall(asked.callId(), now, asked.number(), tenant.get().callerId().orElse(null));
        call.tenant = agent.tenant();
        call.tenantId = tenant.get().tenantId();
        call.group = group.orElse(null);
        call.agentId = line.map(AgentLine::agentId).orElse(0L);
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                sessions.add(call);
                history.placed(call);
                call.state.placedFor(call.tenant, agent, asked.number(), tenant.get().callerId().orElse(""), asked.by(), now);
                history.record(call);
                Optional<String> numberRefused = whyNotToNumber(tenant.get(), asked.number());
                if (numberRefused.isPresent()) {
                    fail(call, OutboundOutcome.FAILED, 0, numberRefused.get(), "node");
                    return;
                }
                ringAgent(call, agent, line, Ringback.forLocale(tenant.get().locale()), now);
            }
        }
    }

    /** The same gate as a transfer's: the trunk, the number's form and the tenant's external numbers; and a caller ID. */
    private Optional<String> whyNotToNumber(OutboundSettings tenant, String number) {
        if (trunk.address().isEmpty()) {
            return Optional.of("no outbound trunk configured (verbund.trunk.outbound)");
        }
        if (tenant.callerId().isEmpty()) {
            return Optional.of("the tenant has no outbound caller ID");
        }
        if (!OutboundTrunk.isE164(number)) {
            return Optional.of(number + " is no number in E.164 form");
        }
        if (!tenant.allowed().allows(number)) {
            return Optional.of(number + " is not among the tenant's external numbers");
        }
        return Optional.empty();
    }

    private void ringAgent(AcdCall call, AgentKey agent, Optional<AgentLine> line, Playable ringback, Instant now) {
        if (line.isEmpty()) {
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "no enabled agent " + agent.extension() + " in this tenant", "node");
            return;
        }
        Optional<Binding> phone = registrations.active(line.get().sipUsername(), now);
        if (phone.isEmpty()) {
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "agent " + agent.extension() + " has no registered phone", "node");
            return;
        }
        AgentStatus ready = agents.current(agent, now);
        if (!ready.isAvailable(now)) {
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "agent " + agent.extension() + " is not ready (" + ready.state() + ")", "node");
            return;
        }
        AgentStatus reserved = ready.reserve(call.callId, history.node(), now);
        if (!agents.compareAndSet(ready, reserved)) {
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "agent " + agent.extension() + " was taken by another call", "node");
            return;
        }
        RtpLeg agentMedia = null;
        try {
            // The number's leg first: the agent's INVITE is offered in its law (PCMU until the number answered).
            call.callerMedia = node.engine().openLeg("outbound " + call.callId);
            call.callerMedia.belongsTo(call.callId, call.tenant.value());
            agentMedia = node.engine().openLeg("outbound agent " + agent.extension() + " " + call.callId);
            agentMedia.belongsTo(call.callId, call.tenant.value());
            Request invite = agentLegs.inviteFor(call, agent, phone.get(), agentMedia);
            ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
            String agentCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            OutboundDial dial = new OutboundDial(transaction, sip.provider().getNewDialog(transaction), agentCallId, agentMedia, ringback);
            call.dial = dial;
            sessions.linkAgentLeg(agentCallId, call);
            transaction.sendRequest();
            Duration ringTime = (call.group == null ? OfferTerms.TRANSFER : call.group.offerTerms()).ringTime();
            dial.ringTimer = scheduler.schedule(() -> ringTimedOut(call, dial, true, ringTime), ringTime.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(() -> "outbound call to " + call.caller + ": agent " + agent.extension() + "'s phone rings");
        } catch (ParseException | SipException | InvalidArgumentException | MediaPortsExhausted | ClassCastException e) {
            LOG.warning("outbound call " + call.callId + ": the agent's phone could not be rung: " + e.getMessage());
            if (call.dial == null && agentMedia != null) {
                agentMedia.close();
            }
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "the INVITE to agent " + agent.extension() + "'s phone could not be sent", "node");
        }
    }

    /**
     * Whether the response belongs to an outbound call's leg (the agent's phone's, found by its
     * Call-ID link, or the number's, whose Call-ID is the call's); if so, it is handled here.
     */
    boolean onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        String legCallId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<AcdCall> found = outboundCallOf(legCallId);
        if (found.isEmpty()) {
            return false;
        }
        AcdCall call = found.get();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return true;
        }
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                OutboundDial dial = call.dial;
                if (dial == null || !call.state.is(CallPhase.DIALLING)) {
                    // Connected or over: a late or repeated answer; the stack acknowledges a repeated 200 itself.
                    return true;
                }
                boolean agentLeg = legCallId.equals(dial.agentCallId);
                int status = response.getStatusCode();
                Dialog dialog = event.getDialog();
                if (agentLeg) {
                    onAgentResponse(call, dial, status, dialog != null ? dialog : dial.agentDialog, response, cseq.getSeqNumber());
                } else {
                    onNumberResponse(call, dial, status, dialog != null ? dialog : dial.numberDialog, response, cseq.getSeqNumber());
                }
                return true;
            }
        }
    }

    private Optional<AcdCall> outboundCallOf(String legCallId) {
        Optional<AcdCall> byNumber = sessions.byCaller(legCallId).filter(call -> call.state.isOutbound());
        return byNumber.isPresent() ? byNumber : sessions.byAgent(legCallId).filter(call -> call.state.isOutbound());
    }

    private void onAgentResponse(AcdCall call, OutboundDial dial, int status, Dialog dialog, Response response, long cseq) {
        if (call.state.hasAgentPickedUp()) {
            return;
        }
        if (status > 100 && status < 200 && !dial.agentRinging) {
            dial.agentRinging = true;
            agents.update(call.agent(), (current, at) -> current.ring(at));
        } else if (status >= 200 && status < 300) {
            agentPickedUp(call, dial, dialog, response, cseq);
        } else if (status >= 300) {
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, status, "the agent's phone refused with " + status, "agent");
        }
    }

    /** The agent answered its phone: its leg is complete, and the number is dialled. */
    private void agentPickedUp(AcdCall call, OutboundDial dial, Dialog dialog, Response ok, long cseq) {
        Instant now = clock.instant();
        dial.cancelRingTimer();
        AgentStatus agentNow = agents.current(call.agent(), now);
        if (!agentNow.isEngagedWith(call.callId)) {
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            fail(call, OutboundOutcome.CANCELLED, 0, "agent is " + agentNow.state() + " now", "agent-" + agentNow.state().name().toLowerCase());
            return;
        }
        try {
            byte[] sdp = ok.getRawContent();
            dial.agentMedia.setRemote(SessionDescription.parse(new String(sdp == null ? new byte[0] : sdp, StandardCharsets.US_ASCII)));
            call.agentSdp = sdp;
        } catch (RuntimeException e) {
            LOG.warning("outbound call " + call.callId + ": the agent phone's answer is not usable: " + e.getMessage());
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "the agent phone's answer had no usable session description", "node");
            return;
        }
        requests.ack(call, dialog, cseq);
        call.agentMedia = dial.agentMedia;
        call.agentDialog = dialog;
        call.agentCallId = dial.agentCallId;
        agents.update(call.agent(), (current, at) -> current.answer(at));
        call.agentSince = now;
        call.state.agentPickedUp(now);
        history.record(call);
        dialNumber(call, dial, call.serviceNumber, now);
    }

    /**
     * The agent answered a callback's offer: its leg is up as an outbound call's is once its agent
     * picked up, and the number is dialled through the trunk with the tenant's caller ID. Whatever
     * stops the number from answering is a failed attempt ({@link Callbacks#attemptFailed}).
     * Called under the call's monitor.
     */
    void takeCallback(AcdCall call, AgentOffer offer, Dialog dialog, Response ok, long cseq, Instant now) {
        Optional<OutboundSettings> tenant;
        try {
            tenant = directory.outbound(call.tenant);
        } catch (DirectoryUnavailable e) {
            tenant = Optional.empty();
        }
        try {
            byte[] sdp = ok.getRawContent();
            offer.media().setRemote(SessionDescription.parse(new String(sdp == null ? new byte[0] : sdp, StandardCharsets.US_ASCII)));
            call.agentSdp = sdp;
        } catch (RuntimeException e) {
            // No usable answer (or no leg to take it): the agent cannot talk; the offer ends as not taken.
            LOG.warning("callback " + call.callId + ": the agent phone's answer is not usable: " + e.getMessage());
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            agentLegs.offerLost(call, offer, agents.current(offer.agent(), now));
            return;
        }
        requests.ack(call, dialog, cseq);
        String callerId = tenant.flatMap(OutboundSettings::callerId).orElse("");
        call.offers.remove(offer);
        agentLegs.stopRinging(call, call.state.callbackTakenBy(offer.agent(), callerId, now));
        call.clearOffers();
        call.agentId = offer.agentId();
        call.agentMedia = offer.media();
        call.agentDialog = dialog;
        call.agentCallId = offer.agentCallId();
        agents.update(offer.agent(), (current, at) -> current.answer(at));
        call.agentSince = now;
        history.record(call);
        // The agent hears ringback while the caller's number rings, as for its own outbound calls.
        OutboundDial dial = new OutboundDial(offer.invite(), dialog, offer.agentCallId(), offer.media(),
                Ringback.forLocale(tenant.map(OutboundSettings::locale).orElse(null)));
        call.dial = dial;
        Optional<String> refused = tenant.isEmpty() ? Optional.of("the tenant's outbound settings are unavailable")
                : whyNotToNumber(tenant.get(), call.state.callbackNumber().orElseThrow());
        if (refused.isPresent()) {
            fail(call, OutboundOutcome.FAILED, 0, refused.get(), "node");
            return;
        }
        LOG.info(() -> "callback taken by agent " + offer.agent().extension() + ": " + call.state.callbackNumber().orElseThrow() + " is dialled");
        dialNumber(call, dial, callerId, now);
    }

    /** @param callerId the tenant's number presented in From */
    private void dialNumber(AcdCall call, OutboundDial dial, String callerId, Instant now) {
        String number = call.state.dialledNumber().orElseThrow();
        try {
            SipURI requestUri = trunk.uriOf(number, sip.addresses());
            SipDestination destination = SipDestination.direct(requestUri, trunk.address().orElseThrow().transport());
            AudioCodec law = call.agentMedia.negotiated().map(audio -> audio.codec()).orElse(AudioCodec.PCMU);
            if (destination.isSecure()) {
                call.callerMedia.offerSrtp();
            }
            // The agent's law first, so the relay passes payload on untouched and a recording stays bit-exact.
            Request invite = requests.invite(callerId, destination, (SipURI) requestUri.clone(),
                    call.callerMedia.offer(law).toString().getBytes(StandardCharsets.US_ASCII));
            if (call.state.isCallback()) {
                // A Call-ID of its own for each attempt: the caller's was used by its own INVITE, and a carrier
                // (or a SIPp) takes a second INVITE with an old Call-ID for a repeat of the first.
                call.numberCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
                sessions.linkNumberLeg(call.numberCallId, call);
            } else {
                // The number's leg carries the call id as its Call-ID: its BYE and re-INVITE then find the call like a caller's.
                invite.setHeader(sip.headers().createCallIdHeader(call.callId));
            }
            ClientTransaction transaction = sip.provider().getNewClientTransaction(invite);
            dial.numberDialog = sip.provider().getNewDialog(transaction);
            dial.numberInvite = transaction;
            transaction.sendRequest();
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warning("outbound call " + call.callId + ": the number could not be dialled: " + e.getMessage());
            dial.numberInvite = null;
            call.state.numberDialled(now);
            fail(call, OutboundOutcome.FAILED, 0, "the INVITE to " + number + " could not be sent", "node");
            return;
        }
        call.state.numberDialled(now);
        history.record(call);
        Duration ringTime = trunk.ringTimeout();
        dial.ringTimer = scheduler.schedule(() -> ringTimedOut(call, dial, false, ringTime), ringTime.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "outbound call: " + number + " dialled");
    }

    private void onNumberResponse(AcdCall call, OutboundDial dial, int status, Dialog dialog, Response response, long cseq) {
        if (!dial.numberRinging()) {
            return;
        }
        if (status == Response.RINGING || status == Response.SESSION_PROGRESS) {
            numberRings(call, dial, response);
        } else if (status >= 200 && status < 300) {
            numberAnswered(call, dial, dialog, response, cseq);
        } else if (status >= 300) {
            dial.numberInvite = null;
            fail(call, OutboundOutcome.ofNumberStatus(status), status, "the number refused with " + status, "far end");
        }
    }

    /**
     * The number rings (180) or its network has something to say (183): the agent hears the trunk's
     * early media when the response brings a session description (the network's own ring tone, an
     * announcement), else the tenant's country's ring tone from the node. Early media, once
     * relayed, stays until the answer; a later 180 without one does not replace it.
     */
    private void numberRings(AcdCall call, OutboundDial dial, Response response) {
        if (dial.earlyMedia != null || call.agentMedia == null) {
            return;
        }
        byte[] sdp = response.getRawContent();
        if (sdp != null && sdp.length > 0) {
            try {
                call.callerMedia.setRemote(SessionDescription.parse(new String(sdp, StandardCharsets.US_ASCII)));
                dial.earlyMedia = node.engine().bridge(call.callerMedia, call.agentMedia, null);
                LOG.fine("the number's early media is relayed to the agent");
                return;
            } catch (RuntimeException e) {
                LOG.info(() -> "outbound call " + call.callId + ": the number's early media is not usable (" + e.getMessage() + "): local ring tone");
            }
        }
        if (!call.agentMedia.isPlaying()) {
            call.agentMedia.loop(dial.ringback);
        }
    }

    /** The number answered: the media first (the relay and the recording must not miss the first packet), then the ACK. */
    private void numberAnswered(AcdCall call, OutboundDial dial, Dialog dialog, Response ok, long cseq) {
        Instant now = clock.instant();
        dial.cancelRingTimer();
        dial.numberInvite = null;
        try {
            byte[] sdp = ok.getRawContent();
            call.callerMedia.setRemote(SessionDescription.parse(new String(sdp == null ? new byte[0] : sdp, StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            LOG.warning("outbound call " + call.callId + ": the number's answer is not usable: " + e.getMessage());
            requests.ack(call, dialog, cseq);
            requests.bye(dialog);
            fail(call, OutboundOutcome.FAILED, 0, "the number's answer had no usable session description", "node");
            return;
        }
        call.callerDialog = dialog;
        // The early media's relay gives way to the call's own bridge, which is recorded; a ring tone stops with it.
        dial.endEarlyMedia();
        recordings.bridge(call, now);
        requests.ack(call, dialog, cseq);
        call.dial = null;
        call.answeredAt = now;
        call.state.numberAnswered(now);
        history.record(call);
        LOG.info(() -> "outbound call connected to " + call.caller);
    }

    /** Whether the timed-out INVITE was one of an outbound call's; if so, the call failed. */
    boolean onTimeout(ClientTransaction transaction) {
        String legCallId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Optional<AcdCall> found = outboundCallOf(legCallId);
        if (found.isEmpty()) {
            return false;
        }
        AcdCall call = found.get();
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                OutboundDial dial = call.dial;
                if (dial == null || !call.state.is(CallPhase.DIALLING)) {
                    return true;
                }
                if (transaction == dial.agentInvite && !call.state.hasAgentPickedUp()) {
                    fail(call, OutboundOutcome.AGENT_NOT_REACHED, Response.REQUEST_TIMEOUT, "no response from the agent's phone (408)", "node");
                } else if (transaction == dial.numberInvite) {
                    dial.numberInvite = null;
                    fail(call, OutboundOutcome.FAILED, Response.REQUEST_TIMEOUT, "no response from the trunk (408)", "node");
                }
                return true;
            }
        }
    }

    private void ringTimedOut(AcdCall call, OutboundDial dial, boolean agentsPhone, Duration ringTime) {
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (call.dial != dial || !call.state.is(CallPhase.DIALLING) || agentsPhone == call.state.hasAgentPickedUp()) {
                    return;
                }
                if (agentsPhone) {
                    fail(call, OutboundOutcome.AGENT_NOT_REACHED, 0, "the agent's phone was not answered within " + ringTime.toSeconds() + " s", "node");
                } else {
                    fail(call, OutboundOutcome.NO_ANSWER, 0, "the number did not answer within " + ringTime.toSeconds() + " s", "node");
                }
            }
        } catch (RuntimeException e) {
            // A scheduled task's failure is not logged, and the agent would stay reserved.
            LOG.log(Level.SEVERE, "outbound call " + call.callId + ": ring time-out not handled", e);
        }
    }

    /**
     * Ends an outbound call that is still being set up because its agent hung up, someone asked
     * through the API, or the agent was taken off it. Called under the call's monitor.
     *
     * @param endedBy "agent", "api:…", "agent-logged_out", …
     */
    void cancel(AcdCall call, String endedBy) {
        fail(call, OutboundOutcome.CANCELLED, 0, "ended by " + endedBy + " before the number answered", endedBy);
    }

    /**
     * The outbound call did not connect: whatever still rings is cancelled, the agent's leg hung up,
     * the agent freed (before it picked up) or sent into its wrap-up (after), and the call ends with
     * {@code outcome}. Called under the call's monitor.
     */
    private void fail(AcdCall call, OutboundOutcome outcome, int status, String why, String endedBy) {
        Instant now = clock.instant();
        OutboundDial dial = call.dial;
        boolean pickedUp = call.state.hasAgentPickedUp();
        if (dial != null) {
            dial.cancelRingTimer();
            dial.endEarlyMedia();
            if (dial.numberRinging()) {
                requests.cancel(dial.numberInvite);
            }
            if (!pickedUp && status == 0) {
                requests.cancel(dial.agentInvite);
            }
            sessions.unlinkAgentLeg(dial.agentCallId);
            if (call.agentMedia != dial.agentMedia) {
                dial.agentMedia.close();
            }
            call.dial = null;
        }
        if (pickedUp && !"agent".equals(endedBy)) {
            requests.bye(call.agentDialog);
        }
        AgentKey agent = call.agent();
        boolean callback = call.state.isCallback();
        if (call.state.is(CallPhase.DIALLING)) {
            if (callback) {
                call.state.callbackAttemptFailed(outcome, status, why, now);
            } else {
                call.state.outboundFailed(outcome, status, why, endedBy, now);
            }
        }
        history.record(call);
        if (agent != null) {
            if (pickedUp) {
                agentLegs.endForAgent(agent, call.group, call.callId);
            } else {
                agents.update(agent, (current, at) -> current.isEngagedWith(call.callId) ? OfferTerms.withdrawn(current, at) : current);
            }
        }
        if (callback) {
            LOG.info(() -> "callback to " + call.state.callbackNumber().orElseThrow() + ": attempt failed " + outcome + ": " + why);
            if (endedBy.startsWith("api:")) {
                callbacks.giveUp(call, "ended by " + endedBy);
            } else {
                callbacks.attemptFailed(call);
            }
            return;
        }
        sessions.remove(call);
        media.close(call);
        LOG.info(() -> "outbound call to " + call.caller + " ended " + outcome + ": " + why);
    }
}
