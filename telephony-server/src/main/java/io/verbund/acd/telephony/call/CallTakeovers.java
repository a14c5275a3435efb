package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.Call;
import io.verbund.acd.call.CallId;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.runtime.datasource.MasterFirstReads;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls of a node that left the cluster, taken over by a survivor: for each call whose dialogs are
 * replicated ({@link CallerDialogs}), exactly one survivor (the call id's hash over the sorted
 * members) opens RTP legs of its own and re-INVITEs the call's parties in their dialogs, built from
 * the replicated INVITEs: our tag in From, theirs in To, the route set the dialog has (the cluster's
 * Kamailio relays it like any in-dialog request), a CSeq above the last one known, and our session
 * description going on from the departed node's (same origin, version one higher, RFC 3264 8).
 * JAIN-SIP makes a dialog of each client transaction, so later BYEs find them.
 * <ul>
 * <li>A waiting caller (answered on queue): once it answers, its media and its target are this
 * node's and it waits in its group again, in its place.</li>
 * <li>A caller talking to its agent: the caller and the agent's phone are both re-INVITEd; once both
 * answered, their legs are bridged here (and recorded into a new file if the group records), the
 * agent stays ON_CALL on the call, and the call ends as any connected call does.</li>
 * <li>A caller its agent put on hold: the same two re-INVITEs, then music on hold to the caller and
 * silence to the agent, as on the departed node; the call stays on hold (since the hold began) until
 * the agent resumes it here.</li>
 * </ul>
 * A party that refuses or does not answer its re-INVITE is lost as before ({@code FAILED}); for a
 * talking call the other party gets a BYE and the agent is freed. A party of a talking call that
 * answers 481 hung up in the seconds before (its BYE went to the departed node): the call ends as its
 * hang-up ({@code ANSWERED}, the agent in its wrap-up), the other party hung up.
 */
@ApplicationScoped
public class CallTakeovers {

    private static final Logger LOG = Logger.getLogger(CallTakeovers.class.getName());
    /**
     * The taken-over call's events go on this far above the last one the database has: the departed
     * node's journal may hold a few it had not delivered yet, which keep their numbers.
     */
    static final int EVENT_ROOM = 1000;
    /** The re-INVITE's CSeq this far above the last one replicated: the departed node may have sent a request after. */
    static final long CSEQ_ROOM = 100;

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    /**
     * Replica 1, for a call's last event number when the master fails that read (its failover's
     * seconds): a takeover must not end the call FAILED for it. {@link #EVENT_ROOM} covers the few
     * events the replica may be behind.
     */
    @Resource(lookup = "java:jboss/datasources/AcdRealtimeDS")
    private DataSource realtime;

    private final MasterFirstReads reads;

    private final SipEndpoint sip;
    private final CallSessions sessions;
    private final QueueStore queue;
    private final CallHistory history;
    private final CallMeters meters;
    private final CallerMedia callerMedia;
    private final OutboundRequests requests;
    private final DistributionSignal distribution;
    private final TelephonyDirectory directory;
    private final AgentStates agents;
    private final NodeMedia media;
    private final CallRecordings recordings;
    private final CallerDialogs dialogs;
    private final InboundCalls inbound;
    private final Clock clock;
    private final String node;
    /** The re-INVITEs of takeovers that await their final answer, with the call and the party each went to. */
    private final Map<ClientTransaction, Pending> pending = new ConcurrentHashMap<>();
    /** BYEs sent to agents' phones for callers who hung up before their talking call's takeover, with the phone each went to. */
    private final Map<ClientTransaction, String> hangUps = new ConcurrentHashMap<>();

    /** A takeover's re-INVITE to one party; {@code move} is shared by a talking call's two, null for a waiting caller's. */
    private record Pending(AcdCall call, boolean toAgent, TalkingMove move) {
    }

    /** How far a talking call's two re-INVITEs got; guarded by the call's monitor. */
    private static final class TalkingMove {
        boolean callerAnswered;
        boolean agentAnswered;
        boolean failed;
    }

    @Inject
    public CallTakeovers(SipEndpoint sip, CallSessions sessions, QueueStore queue, CallHistory history, CallMeters meters,
                         CallerMedia callerMedia, OutboundRequests requests,
                         DistributionSignal distribution, TelephonyDirectory directory, AgentStates agents, NodeMedia media,
                         CallRecordings recordings, CallerDialogs dialogs, InboundCalls inbound, Clock clock,
                         @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.sip = sip;
        this.sessions = sessions;
        this.queue = queue;
        this.history = history;
        this.meters = meters;
        this.callerMedia = callerMedia;
        this.requests = requests;
        this.distribution = distribution;
        this.directory = directory;
        this.agents = agents;
        this.media = media;
        this.recordings = recordings;
        this.dialogs = dialogs;
        this.inbound = inbound;
        this.clock = clock;
        this.node = node;
        this.reads = new MasterFirstReads(clock);
    }

    protected CallTakeovers() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The survivor that takes the call over: the call id's hash over the sorted members, so exactly one does, without a vote. */
    static String takerOf(String callId, Collection<String> members) {
        List<String> sorted = members.stream().sorted().toList();
        return sorted.get(Math.floorMod(callId.hashCode(), sorted.size()));
    }

    /** Whether this node is the one of {@code members} to take the call over. */
    boolean isTakerOf(String callId, Collection<String> members) {
        return takerOf(callId, members).equals(node);
    }

    /**
     * Takes the waiting caller over: a leg of our own, the re-INVITE, the call in our sessions. Once
     * only per call; the caller waits in its group again when it answers ({@link #onResponse}).
     */
    void takeOver(CallerDialog dialog) {
        if (sessions.byCaller(dialog.callId()).isPresent()) {
            // Taken over already: the sweep is tried again when the database refused it.
            return;
        }
        Instant now = clock.instant();
        AcdCall call;
        try {
            call = adopt(dialog, now);
        } catch (ParseException | SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "waiting caller " + dialog.callId() + " of " + dialog.node() + " not taken over: " + e.getMessage(), e);
            lost(dialog.callId(), now);
            return;
        }
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                try {
                    // Keys the caller presses while it waits change nothing: no flow runs for it here.
                    callerMedia.open(call, key -> { }, dialog.origin());
                    Request reInvite = reInvite(call, dialog);
                    ClientTransaction transaction = sip.provider().getNewClientTransaction(reInvite);
                    call.callerDialog = sip.provider().getNewDialog(transaction);
                    sessions.add(call);
                    history.record(call);
                    pending.put(transaction, new Pending(call, false, null));
                    transaction.sendRequest();
                    LOG.warning("taking over waiting caller " + call.callId + " of " + dialog.node() + ": re-INVITE sent");
                    dialog.ringing().forEach(invite -> cancelRinging(call, invite, dialog.node()));
                } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
                    LOG.log(Level.WARNING, "waiting caller of " + dialog.node() + " not taken over: " + e.getMessage(), e);
                    end(call);
                }
            }
        }
    }

    /**
     * The waiting caller of {@code dialog} as this node holds it from now on: its record moves here
     * ({@code CallTakenOver}, numbered {@link #EVENT_ROOM} above the database's last event), it
     * waits in its group in its place; no leg, no signalling yet.
     */
    AcdCall adopt(CallerDialog dialog, Instant now) throws ParseException, SQLException {
        QueueEntry entry = dialog.entry();
        AcdCall call = adopted(dialog, Call.takenOver(new CallId(dialog.callId()), dialog.receivedAt(), dialog.tenant(), entry.groupId(),
                entry.priority(), lastEventSeq(dialog.callId()) + EVENT_ROOM, dialog.node(), node, now));
        call.answerOnQueue = true;
        call.answeredInFlow = true;
        return call;
    }

    /**
     * The departed node's call as this node's: its INVITE, tenant, group, language and music, and its
     * queue entry held here. The departed node's entry in the cache is this call's now: whatever ends
     * the call removes it.
     */
    private AcdCall adopted(CallerDialog dialog, Call state) throws ParseException {
        QueueEntry entry = dialog.entry();
        GroupSettings group = directory.group(dialog.tenantId(), entry.groupId())
                .orElseThrow(() -> new IllegalStateException("group " + entry.groupId() + " is gone"));
        AcdCall call = new AcdCall(dialog.callId(), sip.messages().createRequest(dialog.invite()), state, dialog.caller(),
                dialog.serviceNumber());
        call.tenant = dialog.tenant();
        call.tenantId = dialog.tenantId();
        call.group = group;
        call.counters = meters.countersOf(group);
        call.language = dialog.language();
        call.musicOnHold = dialog.musicOnHold();
        call.entry = ours(entry);
        call.dialogReplicated = true;
        return call;
    }

    /**
     * Takes the talking call over: legs of our own for the caller and the agent, a re-INVITE to each,
     * the call in our sessions as connected to its agent, the agent's lease moved here. Once only per
     * call; the two are bridged when both answered ({@link #onResponse}).
     */
    void takeOverTalking(CallerDialog dialog) {
        if (sessions.byCaller(dialog.callId()).isPresent()) {
            return;
        }
        Optional<AcdCall> adopted = adoptTalking(dialog, clock.instant());
        if (adopted.isEmpty()) {
            return;
        }
        AcdCall call = adopted.get();
        AgentLegDialog leg = dialog.agentLeg();
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                try {
                    callerMedia.open(call, key -> { }, dialog.origin());
                    call.agentMedia = media.engine().openLeg("agent " + leg.extension() + " " + call.callId);
                    call.agentMedia.belongsTo(call.callId, call.tenant.value());
                    if (leg.origin() != null) {
                        call.agentMedia.continueSession(leg.origin());
                    }
                    if ("tls".equals(SipEndpoint.transportOf(call.agentInvite))) {
                        // As the first offer: SDES keys only where the signalling is encrypted.
                        call.agentMedia.offerSrtp();
                    }
                    String agentOffer = call.agentMedia.offer(call.callerLaw()).toString();
                    ClientTransaction toCaller = sip.provider().getNewClientTransaction(reInvite(call, dialog));
                    call.callerDialog = sip.provider().getNewDialog(toCaller);
                    ClientTransaction toAgent = sip.provider().getNewClientTransaction(agentRequest(Request.INVITE, call.agentInvite, leg, agentOffer));
                    call.agentDialog = sip.provider().getNewDialog(toAgent);
                    sessions.add(call);
                    sessions.linkAgentLeg(call.agentCallId, call);
                    history.record(call);
                    TalkingMove move = new TalkingMove();
                    pending.put(toCaller, new Pending(call, false, move));
                    pending.put(toAgent, new Pending(call, true, move));
                    toCaller.sendRequest();
                    toAgent.sendRequest();
                    LOG.warning("taking over talking call " + call.callId + " of " + dialog.node() + ": re-INVITEs sent to the caller and agent "
                            + leg.extension());
                } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
                    LOG.log(Level.WARNING, "talking call of " + dialog.node() + " not taken over: " + e.getMessage(), e);
                    TalkingMove move = new TalkingMove();
                    move.failed = true;
                    endTalking(call, move);
                }
            }
        }
    }

    /**
     * The talking call of {@code dialog} as this node holds it from now on: its record moves here
     * ({@code CallTakenOver}), connected to its agent, whose lease follows the call here before
     * anything else can judge it; no legs, no signalling yet. Empty when it cannot go on here (the
     * agent is no longer on it, or the record could not move): its record then ends FAILED, its
     * replicated dialog goes and the agent is free.
     */
    Optional<AcdCall> adoptTalking(CallerDialog dialog, Instant now) {
        AgentLegDialog leg = dialog.agentLeg();
        QueueEntry entry = dialog.entry();
        AgentKey agent = new AgentKey(dialog.tenant(), leg.extension());
        AcdCall call;
        try {
            call = adopted(dialog, Call.talkingTakenOver(new CallId(dialog.callId()), dialog.receivedAt(), dialog.tenant(), entry.groupId(),
                    entry.priority(), agent, leg.heldSince(), leg.heldBefore(), lastEventSeq(dialog.callId()) + EVENT_ROOM, dialog.node(),
                    node, now));
            call.agentId = leg.agentId();
            call.answeredAt = leg.answeredAt();
            call.agentSince = leg.agentSince();
            call.agentCallId = leg.callId();
            call.agentInvite = sip.messages().createRequest(leg.invite());
            call.takeovers = leg.takeovers() + 1;
        } catch (ParseException | SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "talking call " + dialog.callId() + " of " + dialog.node() + " not taken over: " + e.getMessage(), e);
            lost(dialog.callId(), now);
            dialogs.released(dialog.callId());
            agents.update(agent, (status, at) -> status.isEngagedWith(dialog.callId()) ? status.release(at) : status);
            return Optional.empty();
        }
        if (agents.update(agent, (status, at) -> status.callMovedTo(dialog.callId(), node, at)).isEmpty()) {
            LOG.warning("talking call " + dialog.callId() + " of " + dialog.node() + " not taken over: agent " + agent
                    + " is no longer on it");
            lost(dialog.callId(), now);
            dialogs.released(dialog.callId());
            return Optional.empty();
        }
        return Optional.of(call);
    }

    /**
     * The caller of a talking call hung up before its takeover ({@link StrandedCallers}): the agent's
     * phone gets the BYE in its dialog with the departed node, from here, as the takeover's re-INVITE
     * would have come (our tag, a CSeq above the last one known, along the route set its 200 gave).
     * Its answer is only logged: the call ends here either way.
     */
    void hangUpAgentPhone(AcdCall call, AgentLegDialog leg) {
        String phone = "agent " + leg.extension() + "'s phone";
        try {
            ClientTransaction transaction = sip.provider().getNewClientTransaction(agentRequest(Request.BYE, call.agentInvite, leg, null));
            hangUps.put(transaction, phone);
            transaction.sendRequest();
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.WARNING, "BYE to " + phone + " not sent: " + e.getMessage(), e);
        }
    }

    /**
     * The CANCEL of an INVITE the departed node sent an agent's phone for the caller taken over: the
     * INVITE's Request-URI, Call-ID, From, To, CSeq number and route, and its very Via (RFC 3261 9.1),
     * which is how the phone, or the proxy in between, finds the ringing transaction. Sent
     * statelessly: the answers go to the departed node as the Via says, and nobody needs them. The
     * caller waits in its queue again meanwhile, and the agent is freed with the departed node's calls.
     */
    void cancelRinging(AcdCall call, String inviteText, String departed) {
        try {
            Request invite = sip.messages().createRequest(inviteText);
            ViaHeader via = (ViaHeader) invite.getHeader(ViaHeader.NAME);
            Request cancel = sip.messages().createRequest(invite.getRequestURI(), Request.CANCEL,
                    (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                    sip.headers().createCSeqHeader(((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber(), Request.CANCEL),
                    (FromHeader) invite.getHeader(FromHeader.NAME), (ToHeader) invite.getHeader(ToHeader.NAME), List.of(via),
                    sip.headers().createMaxForwardsHeader(70));
            ListIterator<?> routes = invite.getHeaders(RouteHeader.NAME);
            while (routes.hasNext()) {
                cancel.addHeader((RouteHeader) routes.next());
            }
            sip.provider().sendRequest(cancel);
            LOG.warning("the phone at " + invite.getRequestURI() + " rang for caller " + call.callId + " through " + departed
                    + ": CANCEL sent");
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.WARNING, "the phone ringing for caller " + call.callId + " through " + departed + " not cancelled: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A request in the agent leg's dialog, from this node (a re-INVITE offering this node's media, or
     * a BYE without {@code offer}): the INVITE's From (our tag) and To with the phone's tag, to the
     * phone's Contact along the route set its 200 gave.
     */
    private Request agentRequest(String method, Request invite, AgentLegDialog leg, String offer) throws ParseException, InvalidArgumentException {
        FromHeader ourFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader phoneTo = (ToHeader) invite.getHeader(ToHeader.NAME);
        List<Address> routes = new ArrayList<>();
        for (String hop : leg.routes()) {
            routes.add(sip.addresses().createAddress(hop));
        }
        return inDialog(method, sip.addresses().createURI(leg.remoteTarget()), (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                leg.localSeq() + CSEQ_ROOM, sip.headers().createFromHeader(ourFrom.getAddress(), ourFrom.getTag()),
                sip.headers().createToHeader(phoneTo.getAddress(), leg.remoteTag()), SipEndpoint.transportOf(invite), routes, offer);
    }

    /** The re-INVITE in the caller's dialog, from this node, offering this node's media. */
    private Request reInvite(AcdCall call, CallerDialog dialog) throws ParseException, InvalidArgumentException {
        Request invite = call.callerRequest;
        FromHeader callerFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader callerTo = (ToHeader) invite.getHeader(ToHeader.NAME);
        ContactHeader callerContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        // The route set of the callee's side is the INVITE's Record-Route as it came (RFC 3261 12.1.1).
        List<Address> routes = new ArrayList<>();
        ListIterator<?> recorded = invite.getHeaders(RecordRouteHeader.NAME);
        while (recorded.hasNext()) {
            routes.add(((RecordRouteHeader) recorded.next()).getAddress());
        }
        return inDialog(Request.INVITE, callerContact.getAddress().getURI(), (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                dialog.localSeq() + CSEQ_ROOM, sip.headers().createFromHeader(callerTo.getAddress(), dialog.localTag()),
                sip.headers().createToHeader(callerFrom.getAddress(), callerFrom.getTag()), SipEndpoint.transportOf(invite), routes,
                call.callerSdp);
    }

    /**
     * A request in a dialog of the departed node, to the remote target along the route set: a
     * re-INVITE with this node's Contact and offer, or a BYE ({@code offer} null).
     */
    private Request inDialog(String method, URI target, CallIdHeader callId, long cseq, FromHeader from, ToHeader to, String transport,
                             List<Address> routes, String offer) throws ParseException, InvalidArgumentException {
        ViaHeader via = sip.headers().createViaHeader(sip.host(), sip.portFor(transport), transport, null);
        Request request = sip.messages().createRequest(target, method, callId,
                sip.headers().createCSeqHeader(cseq, method), from, to, List.of(via), sip.headers().createMaxForwardsHeader(70));
        for (Address hop : routes) {
            request.addHeader(sip.headers().createRouteHeader(hop));
        }
        if (offer != null) {
            request.addHeader(sip.contact(transport));
            request.setContent(offer.getBytes(StandardCharsets.US_ASCII), sip.headers().createContentTypeHeader("application", "sdp"));
        }
        return request;
    }

    /**
     * Whether the response was to a takeover's re-INVITE (the party is ours now, or the call is lost)
     * or to the BYE a stranded caller's hang-up sent its agent's phone (logged).
     */
    boolean onResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        Response response = event.getResponse();
        if (transaction != null && hangUps.containsKey(transaction)) {
            if (response.getStatusCode() >= 200) {
                LOG.warning(hangUps.remove(transaction) + " answered the BYE for its stranded caller's hang-up: " + response.getStatusCode());
            }
            return true;
        }
        Pending sent = transaction == null ? null : pending.get(transaction);
        if (sent == null) {
            return false;
        }
        if (response.getStatusCode() < 200) {
            return true;
        }
        pending.remove(transaction);
        AcdCall call = sent.call();
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (sent.move() != null) {
                    talkingPartyAnswered(call, sent, event);
                    return true;
                }
                if (response.getStatusCode() >= 300) {
                    LOG.warning("the caller refused the takeover's re-INVITE (" + response.getStatusCode() + "): call lost");
                    end(call);
                    return true;
                }
                Dialog dialog = event.getDialog() != null ? event.getDialog() : call.callerDialog;
                requests.ack(call, dialog, ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber());
                if (call.state.isEnded()) {
                    return true;
                }
                byte[] answer = response.getRawContent();
                if (answer != null && answer.length > 0) {
                    call.callerMedia.setRemote(SessionDescription.parse(new String(answer, StandardCharsets.US_ASCII)));
                }
                call.callerMedia.peerMaySend();
                callerMedia.playThenLoop(call, List.of(), call.musicOnHold);
                queue.enqueue(call.entry);
                callerMedia.queued(call);
                distribution.raise();
                LOG.warning("waiting caller taken over: it waits in group " + call.group.name() + " again, on " + node);
            }
        }
        return true;
    }

    /**
     * One party of a talking call answered its re-INVITE (under the call's monitor): acknowledged,
     * its leg set to its answer; once both did, they talk on, bridged here. A refusal, or an answer
     * after the other party's refusal, ends the call.
     */
    private void talkingPartyAnswered(AcdCall call, Pending sent, ResponseEvent event) {
        Response response = event.getResponse();
        TalkingMove move = sent.move();
        String party = sent.toAgent() ? "agent " + call.agent().extension() : "caller";
        if (response.getStatusCode() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST && !move.failed && !call.state.isEnded()) {
            // The party has no such dialog any more: it hung up in the seconds before the takeover, its
            // BYE to the departed node unanswered. The call ends as that party's hang-up, not as lost.
            LOG.warning("the " + party + " hung up before the takeover (481 to its re-INVITE): call ended by the " + party);
            if (sent.toAgent()) {
                inbound.agentHungUp(call);
            } else {
                inbound.callerHungUp(call);
            }
            return;
        }
        if (response.getStatusCode() >= 300) {
            LOG.warning("the " + party + " refused the takeover's re-INVITE (" + response.getStatusCode() + "): call lost");
            move.failed = true;
            endTalking(call, move);
            return;
        }
        Dialog dialog = event.getDialog() != null ? event.getDialog() : sent.toAgent() ? call.agentDialog : call.callerDialog;
        requests.ack(call, dialog, ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber());
        if (move.failed || call.state.isEnded()) {
            // The other party is gone already: this one is hung up too.
            requests.bye(dialog);
            return;
        }
        try {
            byte[] answer = response.getRawContent();
            RtpLeg leg = sent.toAgent() ? call.agentMedia : call.callerMedia;
            leg.setRemote(SessionDescription.parse(new String(answer == null ? new byte[0] : answer, StandardCharsets.US_ASCII)));
            leg.peerMaySend();
        } catch (RuntimeException e) {
            LOG.warning("the " + party + "'s answer to the takeover's re-INVITE is not usable: " + e.getMessage());
            requests.bye(dialog);
            move.failed = true;
            endTalking(call, move);
            return;
        }
        if (sent.toAgent()) {
            call.agentDialog = dialog;
            call.agentSdp = response.getRawContent();
            move.agentAnswered = true;
        } else {
            call.callerDialog = dialog;
            move.callerAnswered = true;
        }
        if (move.callerAnswered && move.agentAnswered) {
            recordings.bridge(call, clock.instant());
            if (call.state.isOnHold()) {
                // As the departed node had it: music to the caller, silence to the agent, the recording paused until the resume.
                recordings.unbridge(call);
                callerMedia.musicOnHold(call);
            }
            // Replicated again, as this node's: should this node leave too, another survivor takes it over.
            sessions.talking(call);
            history.record(call);
            LOG.warning(call.state.isOnHold()
                    ? "held call taken over: the caller hears music on hold through " + node + ", agent " + call.agent().extension() + " resumes it there"
                    : "talking call taken over: the caller and agent " + call.agent().extension() + " talk on through " + node);
        }
    }

    /** Whether the timed-out transaction was a takeover's re-INVITE; if so, the call is lost. */
    boolean onTimeout(ClientTransaction transaction) {
        String phone = hangUps.remove(transaction);
        if (phone != null) {
            LOG.warning(phone + " did not answer the BYE for its stranded caller's hang-up");
            return true;
        }
        Pending sent = pending.remove(transaction);
        if (sent == null) {
            return false;
        }
        AcdCall call = sent.call();
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                LOG.warning("the " + (sent.toAgent() ? "agent" : "caller") + " did not answer the takeover's re-INVITE: call lost");
                if (sent.move() == null) {
                    end(call);
                } else {
                    sent.move().failed = true;
                    endTalking(call, sent.move());
                }
            }
        }
        return true;
    }

    /** The talking call could not be taken over: the parties that answered get a BYE, the record ends FAILED, the agent is free. */
    private void endTalking(AcdCall call, TalkingMove move) {
        if (call.state.isEnded()) {
            return;
        }
        if (move.callerAnswered) {
            requests.bye(call.callerDialog);
        }
        if (move.agentAnswered) {
            requests.bye(call.agentDialog);
        }
        AgentKey agent = call.agent();
        end(call);
        call.state.end();
        agents.update(agent, (status, at) -> status.isEngagedWith(call.callId) ? status.release(at) : status);
    }

    private void end(AcdCall call) {
        sessions.remove(call);
        queue.remove(call.callId);
        callerMedia.close(call);
        if (!call.state.isEnded()) {
            history.ended(call, "FAILED", "node-left", clock.instant());
        }
    }

    /** The queue entry as this node holds it. */
    private QueueEntry ours(QueueEntry entry) {
        return new QueueEntry(entry.callId(), entry.tenant(), entry.groupId(), entry.priority(), entry.enteredAt(), node,
                entry.callConditions(), entry.lastAgent(), entry.lastAgentUntil());
    }

    private void lost(String callId, Instant now) {
        queue.remove(callId);
        history.lostWithItsNode(callId, now);
    }

    /** The highest event number the database has for the call (0 for none). */
    private int lastEventSeq(String callId) throws SQLException {
        return reads.read(master, realtime, "last event of " + callId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM call_event WHERE call_id = ?")) {
                query.setString(1, callId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            }
        });
    }
}
