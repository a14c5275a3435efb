package io.verbund.acd.telephony.call;

import io.verbund.acd.call.Call;
import io.verbund.acd.call.CallId;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
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
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Waiting callers of a node that left the cluster, taken over by a survivor: for each caller whose
 * dialog is confirmed ({@link CallerDialogs}), exactly one survivor (the call id's hash over the
 * sorted members) opens an RTP leg of its own and sends the caller a re-INVITE in its dialog, built
 * from the replicated INVITE: From our tag, To the caller's, the INVITE's Record-Route as the route
 * (the cluster's Kamailio relays it like any in-dialog request), a CSeq above the last one known.
 * JAIN-SIP makes a dialog of that client transaction, so the caller's later BYE finds it. Once the
 * caller answers, its media and its target are this node's and it waits in its group again, in its
 * place; a caller that refuses or does not answer the re-INVITE is lost as before ({@code FAILED}).
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

    private final SipEndpoint sip;
    private final CallSessions sessions;
    private final QueueStore queue;
    private final CallHistory history;
    private final CallMeters meters;
    private final CallerMedia callerMedia;
    private final OutboundRequests requests;
    private final DistributionSignal distribution;
    private final TelephonyDirectory directory;
    private final Clock clock;
    private final String node;
    /** The takeovers whose re-INVITE awaits its final answer. */
    private final Map<ClientTransaction, AcdCall> pending = new ConcurrentHashMap<>();

    @Inject
    public CallTakeovers(SipEndpoint sip, CallSessions sessions, QueueStore queue, CallHistory history, CallMeters meters,
                         CallerMedia callerMedia, OutboundRequests requests,
                         DistributionSignal distribution, TelephonyDirectory directory, Clock clock,
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
        this.clock = clock;
        this.node = node;
    }

    protected CallTakeovers() {
        this(null, null, null, null, null, null, null, null, null, null, null);
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
                    callerMedia.open(call, key -> { });
                    Request reInvite = reInvite(call, dialog);
                    ClientTransaction transaction = sip.provider().getNewClientTransaction(reInvite);
                    call.callerDialog = sip.provider().getNewDialog(transaction);
                    sessions.add(call);
                    history.record(call);
                    pending.put(transaction, call);
                    transaction.sendRequest();
                    LOG.warning("taking over waiting caller " + call.callId + " of " + dialog.node() + ": re-INVITE sent");
                } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
                    LOG.log(Level.WARNING, "waiting caller of " + dialog.node() + " not taken over: " + e.getMessage(), e);
                    end(call);
                }
            }
        }
    }

    /**
     * The call of {@code dialog} as this node holds it from now on: its record moves here
     * ({@code CallTakenOver}, numbered {@link #EVENT_ROOM} above the database's last event), it
     * waits in its group in its place; no leg, no signalling yet.
     */
    AcdCall adopt(CallerDialog dialog, Instant now) throws ParseException, SQLException {
        QueueEntry entry = dialog.entry();
        Request invite = sip.messages().createRequest(dialog.invite());
        GroupSettings group = directory.group(dialog.tenantId(), entry.groupId())
                .orElseThrow(() -> new IllegalStateException("group " + entry.groupId() + " is gone"));
        Call state = Call.takenOver(new CallId(dialog.callId()), dialog.receivedAt(), dialog.tenant(), entry.groupId(),
                entry.priority(), lastEventSeq(dialog.callId()) + EVENT_ROOM, dialog.node(), node, now);
        AcdCall call = new AcdCall(dialog.callId(), invite, state, dialog.caller(), dialog.serviceNumber());
        call.tenant = dialog.tenant();
        call.tenantId = dialog.tenantId();
        call.group = group;
        call.counters = meters.countersOf(group);
        call.language = dialog.language();
        call.musicOnHold = dialog.musicOnHold();
        call.answerOnQueue = true;
        call.answeredInFlow = true;
        call.entry = new QueueEntry(entry.callId(), entry.tenant(), entry.groupId(), entry.priority(), entry.enteredAt(), node,
                entry.callConditions(), entry.lastAgent(), entry.lastAgentUntil());
        return call;
    }

    /** The re-INVITE in the caller's dialog, from this node, offering this node's media. */
    private Request reInvite(AcdCall call, CallerDialog dialog) throws ParseException, InvalidArgumentException {
        Request invite = call.callerRequest;
        FromHeader callerFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader callerTo = (ToHeader) invite.getHeader(ToHeader.NAME);
        ContactHeader callerContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        String transport = SipEndpoint.transportOf(invite);
        FromHeader from = sip.headers().createFromHeader(callerTo.getAddress(), dialog.localTag());
        ToHeader to = sip.headers().createToHeader(callerFrom.getAddress(), callerFrom.getTag());
        ViaHeader via = sip.headers().createViaHeader(sip.host(), sip.portFor(transport), transport, null);
        Request reInvite = sip.messages().createRequest(callerContact.getAddress().getURI(), Request.INVITE,
                (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                sip.headers().createCSeqHeader(dialog.localSeq() + CSEQ_ROOM, Request.INVITE), from, to, List.of(via),
                sip.headers().createMaxForwardsHeader(70));
        // The route set of the callee's side is the INVITE's Record-Route as it came (RFC 3261 12.1.1).
        ListIterator<?> recorded = invite.getHeaders(RecordRouteHeader.NAME);
        while (recorded.hasNext()) {
            RecordRouteHeader hop = (RecordRouteHeader) recorded.next();
            reInvite.addHeader(sip.headers().createRouteHeader(hop.getAddress()));
        }
        reInvite.addHeader(sip.contact(transport));
        reInvite.setContent(call.callerSdp.getBytes(StandardCharsets.US_ASCII), sip.headers().createContentTypeHeader("application", "sdp"));
        return reInvite;
    }

    /** Whether the response was to a takeover's re-INVITE; if so, the caller is ours now, or lost. */
    boolean onResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        AcdCall call = transaction == null ? null : pending.get(transaction);
        if (call == null) {
            return false;
        }
        Response response = event.getResponse();
        if (response.getStatusCode() < 200) {
            return true;
        }
        pending.remove(transaction);
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
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

    /** Whether the timed-out transaction was a takeover's re-INVITE; if so, the caller is lost. */
    boolean onTimeout(ClientTransaction transaction) {
        AcdCall call = pending.remove(transaction);
        if (call == null) {
            return false;
        }
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                LOG.warning("the caller did not answer the takeover's re-INVITE: call lost");
                end(call);
            }
        }
        return true;
    }

    private void end(AcdCall call) {
        sessions.remove(call);
        queue.remove(call.callId);
        callerMedia.close(call);
        if (!call.state.isEnded()) {
            history.ended(call, "FAILED", "node-left", clock.instant());
        }
    }

    private void lost(String callId, Instant now) {
        queue.remove(callId);
        history.lostWithItsNode(callId, now);
    }

    /** The highest event number the database has for the call (0 for none). */
    private int lastEventSeq(String callId) throws SQLException {
        try (Connection connection = master.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM call_event WHERE call_id = ?")) {
            query.setString(1, callId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }
}
