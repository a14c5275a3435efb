package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.call.Call;
import io.verbund.acd.call.CallId;
import io.verbund.acd.callflow.CallFlowRun;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.media.Bridge;
import io.verbund.acd.telephony.media.BridgeTap;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.VoicemailRecording;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One call on this node: the {@link Call} that decides what may happen to it, beside what carries it
 * here: the caller's leg (its INVITE transaction and dialog) and, once offered, the agent's leg. An
 * outbound call has no caller's INVITE: its caller's leg is the one to the number, which this node
 * started ({@link OutboundDial}), with the call id as its SIP Call-ID, so BYE and re-INVITE find it
 * like a caller's.
 * Guarded by its own monitor: SIP events of both legs and timers touch it.
 */
final class AcdCall {

    final String callId;
    /** The caller's INVITE transaction; null for an outbound call and for a caller taken over from another node. */
    final ServerTransaction callerInvite;
    /** The caller's dialog; for an outbound call the number's, once it answered. */
    Dialog callerDialog;
    /** The caller's INVITE request; null for an outbound call. */
    final Request callerRequest;
    final Instant receivedAt;
    final String caller;
    final String serviceNumber;

    /** Where the call stands, changed only through its named transitions. */
    final Call state;
    TenantKey tenant;
    long tenantId;
    GroupSettings group;
    QueueEntry entry;
    /** The offered, answered and abandoned counters of the group the call queued in last; null before it queued. */
    CallMeters.GroupCounters counters;

    /** The tenant's call flow for this call, and the turn of it that callbacks must still belong to. */
    CallFlowRun flow;
    int flowTurn;
    /** The system prompts' language, the tenant's. */
    String language = "de";
    /** A menu waits for a key; keys pressed before that wait here (type-ahead). */
    boolean collectingDigit;
    final Deque<Character> typeAhead = new ArrayDeque<>();
    /** The keys of a number being keyed up to its {@code #}; null when no number is asked for. */
    StringBuilder keyedNumber;
    ScheduledFuture<?> flowTimer;
    /** Announcements, maximum wait and empty-queue checks of the queue the caller waits in. */
    final List<ScheduledFuture<?>> queueTimers = new ArrayList<>();

    /** The caller's RTP, anchored on this node; null for an INVITE without a session offer. */
    RtpLeg callerMedia;
    /** Our answer to the caller's offer, given in 183 and again in 200. */
    String callerSdp;
    /** The answering agent's RTP, bridged to the caller's. */
    RtpLeg agentMedia;
    /** The message the caller is leaving. */
    VoicemailRecording voicemail;
    /** The caller was answered with a session description in 183 (early media). */
    boolean earlyMedia;
    /** The node itself answered the caller (voicemail) with 200. */
    boolean answeredByNode;
    /** Its service number answers callers rather than giving them early media ({@code answer_on_queue}). */
    boolean answerOnQueue;
    /** The node answered the caller with 200 as the flow first played it audio (answer on queue). */
    boolean answeredInFlow;
    /**
     * The two-channel recording of the connected call; null when the group does not record. It is
     * the call's, not a bridge's: it goes on across hold and resume, and ends with the call or when
     * a transfer starts the next file.
     */
    BridgeTap recording;
    /** The relay between the caller's and the other leg's RTP while connected; null while the caller is on hold. */
    Bridge bridge;
    /** What the caller hears on hold: the music of the queue it waited in, else the system's. */
    String musicOnHold = CallFlowRun.QUEUE_MOH_PROMPT;
    String voicemailFile;

    /** The phones ringing for this call: one, or every free agent's with ring-all. */
    final List<AgentOffer> offers = new ArrayList<>();
    ScheduledFuture<?> ringTimer;

    /** When the agent answered, and its id in the database (who it is: {@link Call#agent()}). */
    Instant answeredAt;
    /** Since when the agent on the other leg has talked to the caller: the answer, or the transfer that brought it. */
    Instant agentSince;
    long agentId;
    Dialog agentDialog;
    String agentCallId;
    /** The INVITE that began the agent's leg: a survivor re-INVITEs the phone in that dialog (its text is replicated). */
    Request agentInvite;
    /** How often the call moved to another node after its node left; each move records into a file of its own. */
    int takeovers;
    /** Its dialogs are in the replicated cache ({@link CallerDialogs}): a survivor takes it over if this node leaves. */
    boolean dialogReplicated;
    /** The agent phone's session description from its 200 OK, which the caller was given. */
    byte[] agentSdp;

    /** The caller's leg ended while its callback waits: the number is called when an agent takes it. */
    boolean callerGone;
    /** The Call-ID of the callback's number leg in the attempt now; null before the first and between attempts. */
    String numberCallId;

    /** An outbound call's (or a callback's) legs while its agent's phone or its number rings; null otherwise. */
    OutboundDial dial;

    /** A transfer's outbound leg while it rings (the transfer itself is the {@link Call}'s); null otherwise. */
    TransferLeg transfer;
    /** The agent's answered consultation leg (while it rings it is {@link #transfer}); null otherwise. */
    ConsultedLeg consulted;

    /** The parties the node called in (a supervisor, a conference's third party) and the room mixing them; null while none. */
    MixedCall mixing;

    /**
     * A waiting caller taken over from a node that left the cluster: its INVITE (read back from the
     * replicated dialog) but no transaction of this node's, and the {@link Call} as it goes on here;
     * the dialog is the one of this node's re-INVITE.
     */
    AcdCall(String callId, Request callerRequest, Call state, String caller, String serviceNumber) {
        this.callId = callId;
        this.callerInvite = null;
        this.callerRequest = callerRequest;
        this.receivedAt = state.receivedAt();
        this.caller = caller;
        this.serviceNumber = serviceNumber;
        this.state = state;
    }

    AcdCall(String callId, ServerTransaction callerInvite, Dialog callerDialog, Instant receivedAt, String caller, String serviceNumber) {
        this.callId = callId;
        this.callerInvite = callerInvite;
        this.callerDialog = callerDialog;
        this.callerRequest = callerInvite.getRequest();
        this.receivedAt = receivedAt;
        this.caller = caller;
        this.serviceNumber = serviceNumber;
        this.state = new Call(new CallId(callId), receivedAt);
    }

    /**
     * An outbound call: {@code number} is the other party, as a caller's number is, and
     * {@code callerId} the tenant's number it presents, as a service number is the one dialled.
     */
    AcdCall(String callId, Instant placedAt, String number, String callerId) {
        this.callId = callId;
        this.callerInvite = null;
        this.callerRequest = null;
        this.receivedAt = placedAt;
        this.caller = number;
        this.serviceNumber = callerId;
        this.state = new Call(new CallId(callId), placedAt);
    }

    /** The caller has its 200: from an agent (or a number), the voicemail, or the flow (answer on queue). */
    boolean callerAnswered() {
        return answeredAt != null || nodeAnsweredCaller();
    }

    /** The node itself answered the caller (voicemail, or the flow with answer on queue): its leg ends with our BYE. */
    boolean nodeAnsweredCaller() {
        return answeredByNode || answeredInFlow;
    }

    /**
     * Whether {@code dialog}, the one the SIP stack matched an in-dialog request to by Call-ID, To tag
     * and From tag, is this call's caller leg: then the request came from the caller's side of it.
     */
    boolean isCallerDialog(Dialog dialog) {
        return dialog != null && dialog == callerDialog;
    }

    Long groupId() {
        return group == null ? null : group.id();
    }

    /** The agent the caller talks to, or null: before an answer, and after a transfer to a number. */
    AgentKey agent() {
        return state.agent().orElse(null);
    }

    /** Whether an agent talks on the call's other leg (not so after a transfer to a number). */
    boolean hasAgent() {
        return state.agent().isPresent();
    }

    Optional<AgentOffer> offerSentWith(ClientTransaction invite) {
        return offers.stream().filter(offer -> offer.invite() == invite).findFirst();
    }

    /** The G.711 law the caller's leg settled on: the agent's and the trunk's legs are offered it first. */
    AudioCodec callerLaw() {
        return callerMedia.negotiated().map(audio -> audio.codec()).orElse(AudioCodec.PCMU);
    }

    /** The call's files in storage-service: the call id made safe for a name, after its time, so listings sort. */
    String storageName() {
        String safe = callId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 120) {
            safe = safe.substring(0, 120);
        }
        return receivedAt.toString().replace(":", "").replace(".", "") + "-" + safe + ".wav";
    }

    int nextFlowTurn() {
        return ++flowTurn;
    }

    /** The call leaves its flow (an agent or a transfer's number answered, or it ended): no callback of the flow runs any more. */
    void leaveFlow() {
        nextFlowTurn();
        cancelFlowTimer();
        cancelQueueTimers();
    }

    void cancelFlowTimer() {
        if (flowTimer != null) {
            flowTimer.cancel(false);
            flowTimer = null;
        }
    }

    void cancelQueueTimers() {
        queueTimers.forEach(timer -> timer.cancel(false));
        queueTimers.clear();
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
