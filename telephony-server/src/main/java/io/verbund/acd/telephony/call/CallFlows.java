package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;

import io.verbund.acd.callflow.CallFlowRun;
import io.verbund.acd.callflow.FlowAction;
import io.verbund.acd.callflow.FlowStep;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.skill.InvalidSkillRequirements;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.telephony.directory.DirectoryUnavailable;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.directory.ServiceNumberRoute;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.sip.SipResponses;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sip.message.Response;

/**
 * Runs a tenant's call flow for each call: the acd-core interpreter ({@link CallFlowRun}) decides,
 * this class carries out what it asks — prompts and menus through the caller's media
 * ({@link CallerMedia}), the queue, voicemail, HTTP look-ups — and feeds back what happened. Every
 * continuation runs on a managed thread under the call's monitor; an answer that comes too late
 * (a key after the menu timed out, a timer after the caller left) is recognised by the flow turn
 * it was started in and dropped.
 */
@ApplicationScoped
public class CallFlows {

    private static final Logger LOG = Logger.getLogger(CallFlows.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final TelephonyDirectory directory;
    private final QueueStore queue;
    private final CallHistory history;
    private final CallSessions sessions;
    private final SipResponses responses;
    private final CallerMedia media;
    private final QueueAnnouncements announcements;
    private final Voicemails voicemails;
    private final FlowLookups lookups;
    private final OutboundRequests requests;
    private final DistributionSignal distribution;
    private final Transfers transfers;
    private final Callbacks callbacks;
    private final OutboundTrunk trunk;
    private final Clock clock;

    @Inject
    public CallFlows(TelephonyDirectory directory, QueueStore queue, CallHistory history, CallSessions sessions,
                     SipResponses responses, CallerMedia media, QueueAnnouncements announcements, Voicemails voicemails,
                     FlowLookups lookups, OutboundRequests requests, DistributionSignal distribution,
                     Transfers transfers, Callbacks callbacks, OutboundTrunk trunk, Clock clock) {
        this.clock = clock;
        this.trunk = trunk;
        this.callbacks = callbacks;
        this.transfers = transfers;
        this.requests = requests;
        this.directory = directory;
        this.queue = queue;
        this.history = history;
        this.sessions = sessions;
        this.responses = responses;
        this.media = media;
        this.announcements = announcements;
        this.voicemails = voicemails;
        this.lookups = lookups;
        this.distribution = distribution;
    }

    protected CallFlows() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Starts the number's flow for a call whose tenant is known. Called under the call's monitor. */
    void start(AcdCall call, ServiceNumberRoute number) {
        call.language = number.language();
        call.flow = new CallFlowRun(number.flow(), (hours, at) -> directory.isOpen(number.tenantId(), hours, at),
                callbackNumber -> callable(number.tenant(), callbackNumber), clock, step -> recordStep(call, step),
                Map.of(CallFlowRun.CALLER, call.caller == null ? "" : call.caller, CallFlowRun.SERVICE_NUMBER, call.serviceNumber));
        perform(call, call.flow.start());
    }

    /** A key the caller pressed, from the media thread or a SIP INFO. */
    void digit(AcdCall call, char key) {
        executor.execute(() -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    if (!call.state.is(CallPhase.ROUTING)) {
                        return;
                    }
                    if (!call.collectingDigit) {
                        // Type-ahead: a caller who knows the menu need not wait for it.
                        call.typeAhead.add(key);
                        return;
                    }
                    if (call.keyedNumber != null) {
                        numberKey(call, key);
                        return;
                    }
                    call.collectingDigit = false;
                    call.cancelFlowTimer();
                    media.stop(call);
                    perform(call, call.flow.digit(key));
                }
            }
        });
    }

    /** The caller is answered by an agent: the flow is over, and so are its timers and queue media. */
    private void perform(AcdCall call, FlowAction action) {
        int turn = call.nextFlowTurn();
        if (action instanceof FlowAction.Play play) {
            media.play(call, List.of(play.prompt()), () -> continueWith(call, turn, CallFlowRun::played));
        } else if (action instanceof FlowAction.CollectDigit menu) {
            collect(call, menu, turn);
        } else if (action instanceof FlowAction.Enqueue enqueue) {
            enqueue(call, enqueue, turn);
        } else if (action instanceof FlowAction.RecordVoicemail voicemail) {
            voicemails.record(call, voicemail, () -> continueWith(call, turn, CallFlowRun::voicemailRecorded));
        } else if (action instanceof FlowAction.Transfer transfer) {
            // The number rings through the trunk; its answer takes the call out of the flow, anything
            // else comes back through transferFailed. Not even tried (no trunk): the failed exit now.
            if (!transfers.fromFlow(call, transfer.number(), () -> transferFailed(call, turn))) {
                perform(call, call.flow.transferFailed());
            }
        } else if (action instanceof FlowAction.HttpLookup lookup) {
            lookups.ask(call, lookup, answer -> continueWith(call, turn,
                    run -> answer.map(run::lookupAnswered).orElseGet(run::lookupFailed)));
        } else if (action instanceof FlowAction.CollectNumber number) {
            collectNumber(call, number, turn);
        } else if (action instanceof FlowAction.BookCallback callback) {
            bookCallback(call, callback);
        } else if (action instanceof FlowAction.Hangup hangup) {
            media.play(call, hangup.prompt().map(List::of).orElse(List.of()),
                    () -> executor.execute(() -> endFlow(call, turn, hangup.reason())));
        }
    }

    /**
     * The transfer node's number did not answer (refused, no answer in time, unreachable): the flow
     * goes on by the node's failed exit, if the call is still in that turn. Under the call's monitor.
     */
    void transferFailed(AcdCall call, int turn) {
        if (call.flowTurn == turn && call.state.is(CallPhase.ROUTING)) {
            perform(call, call.flow.transferFailed());
        }
    }

    /**
     * The skills the call itself needs, from its variable {@code skills} (set by the flow or an HTTP
     * lookup: {@code Sales>=3, German>=2}). Unreadable ones are left out, and said so: the caller
     * is still queued, with the group's requirements alone.
     */
    private static QueueEntry withCallSkills(AcdCall call, QueueEntry entry) {
        String wanted = call.flow.variables().get(CallFlowRun.SKILLS);
        if (wanted == null || wanted.isBlank()) {
            return entry;
        }
        try {
            return entry.needing(SkillCondition.parseAll(wanted));
        } catch (InvalidSkillRequirements e) {
            LOG.warning(() -> "the call's skills '" + wanted + "' are not usable (" + e.getMessage() + "): the group's requirements alone apply");
            return entry;
        }
    }

    /** The caller's last agent in this group, first to try for a while, when the group prefers it. */
    private QueueEntry withLastAgent(AcdCall call, GroupSettings group, QueueEntry entry, Instant now) {
        if (group.lastAgent().isEmpty()) {
            return entry;
        }
        GroupSettings.LastAgentPreference preference = group.lastAgent().get();
        try {
            return directory.lastAgentOf(call.tenantId, group.id(), call.caller, now.minus(preference.within()))
                    .map(agent -> entry.preferring(agent, call.receivedAt.plus(preference.firstTry()))).orElse(entry);
        } catch (DirectoryUnavailable e) {
            // Without the database the caller is served by the strategy at once: better than no one.
            return entry;
        }
    }

    private void collect(AcdCall call, FlowAction.CollectDigit menu, int turn) {
        Character ahead = call.typeAhead.poll();
        if (ahead != null) {
            perform(call, call.flow.digit(ahead));
            return;
        }
        if (!media.hasMedia(call)) {
            // A caller without a session description can neither hear the menu nor press a key.
            perform(call, call.flow.noInput());
            return;
        }
        call.collectingDigit = true;
        media.play(call, menu.prompts(), () -> executor.execute(() -> {
            synchronized (call) {
                if (call.flowTurn == turn && call.collectingDigit) {
                    call.flowTimer = scheduler.schedule(() -> continueWith(call, turn, run -> {
                        call.collectingDigit = false;
                        return run.noInput();
                    }), menu.timeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }));
    }

    /**
     * Whether the tenant may call the number back: among its external numbers, with a caller ID to
     * present and a trunk to reach it. Otherwise no callback is offered that every attempt would fail.
     */
    private boolean callable(io.verbund.acd.tenant.TenantKey tenant, String number) {
        if (trunk.address().isEmpty()) {
            return false;
        }
        try {
            return directory.outbound(tenant).filter(settings -> settings.callerId().isPresent())
                    .map(settings -> settings.allowed().allows(number)).orElse(false);
        } catch (DirectoryUnavailable e) {
            return false;
        }
    }

    /**
     * Keys up to {@code #} make the number: the prompt stops at the first key, the wait for the rest
     * is the action's. Keys typed ahead count as keyed now.
     */
    private void collectNumber(AcdCall call, FlowAction.CollectNumber number, int turn) {
        if (!media.hasMedia(call)) {
            perform(call, call.flow.noInput());
            return;
        }
        call.keyedNumber = new StringBuilder();
        call.collectingDigit = true;
        call.flowTimer = scheduler.schedule(() -> continueWith(call, turn, run -> {
            call.collectingDigit = false;
            call.keyedNumber = null;
            return run.noInput();
        }), number.timeout().toMillis(), TimeUnit.MILLISECONDS);
        media.play(call, number.prompts(), () -> { });
        for (Character ahead = call.typeAhead.poll(); ahead != null && call.keyedNumber != null; ahead = call.typeAhead.poll()) {
            numberKey(call, ahead);
        }
    }

    private void numberKey(AcdCall call, char key) {
        media.stop(call);
        if (key != '#') {
            if (call.keyedNumber.length() < 20) {
                call.keyedNumber.append(key);
            }
            return;
        }
        String keyed = call.keyedNumber.toString();
        call.keyedNumber = null;
        call.collectingDigit = false;
        call.cancelFlowTimer();
        perform(call, call.flow.numberEntered(keyed));
    }

    /** The caller keeps its place in the group's queue for the callback, as it would have waited there. */
    private void bookCallback(AcdCall call, FlowAction.BookCallback callback) {
        Optional<GroupSettings> group;
        try {
            group = directory.group(call.tenantId, callback.group());
        } catch (DirectoryUnavailable e) {
            group = Optional.empty();
        }
        if (group.isEmpty()) {
            perform(call, call.flow.callbackNotBooked());
            return;
        }
        callbacks.book(call, group.get(), withCallSkills(call, new QueueEntry(call.callId, call.tenant, group.get().id(),
                callback.priority(), call.receivedAt, history.node())), callback);
    }

    private void enqueue(AcdCall call, FlowAction.Enqueue enqueue, int turn) {
        Optional<GroupSettings> group;
        try {
            group = directory.group(call.tenantId, enqueue.group());
        } catch (DirectoryUnavailable e) {
            // Uncaught, it left the caller in the flow with no answer until its own timeout.
            endCall(call, Response.SERVICE_UNAVAILABLE, "configuration unavailable: " + e.getMessage(), "FAILED");
            return;
        }
        if (group.isEmpty()) {
            endCall(call, Response.SERVER_INTERNAL_ERROR, "call flow names unknown group " + enqueue.group(), "FAILED");
            return;
        }
        if (enqueue.leaveWhenEmpty() && !announcements.anyAgentLoggedIn(group.get())) {
            perform(call, call.flow.queueEmpty());
            return;
        }
        Instant now = clock.instant();
        call.group = group.get();
        call.entry = withLastAgent(call, group.get(), withCallSkills(call,
                new QueueEntry(call.callId, call.tenant, group.get().id(), enqueue.priority(), call.receivedAt, history.node())), now);
        call.state.queued(group.get().id(), enqueue.priority(), now);
        queue.enqueue(call.entry);
        history.record(call);
        media.queued(call);
        announcements.start(call, enqueue);
        enqueue.maxWait().ifPresent(maxWait -> call.queueTimers.add(scheduler.schedule(
                () -> leaveQueue(call, turn, CallFlowRun::queueTimedOut), maxWait.toMillis(), TimeUnit.MILLISECONDS)));
        if (enqueue.leaveWhenEmpty()) {
            call.queueTimers.add(scheduler.scheduleWithFixedDelay(() -> {
                if (!announcements.anyAgentLoggedIn(call.group)) {
                    leaveQueue(call, turn, CallFlowRun::queueEmpty);
                }
            }, 5, 5, TimeUnit.SECONDS));
        }
        distribution.raise();
    }

    /** The caller leaves the queue by an exit of the queue node, if it is still waiting. */
    private void leaveQueue(AcdCall call, int turn, Function<CallFlowRun, FlowAction> outcome) {
        executor.execute(() -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    if (call.flowTurn != turn || !call.state.is(CallPhase.QUEUED)) {
                        return;
                    }
                    queue.remove(call.callId);
                    call.cancelQueueTimers();
                    history.flowStep(call, "LeftQueue", call.flow.currentNode().map(node -> node.id()).orElse(null), clock.instant(), null);
                    call.entry = null;
                    call.state.leftQueue();
                    media.stop(call);
                    perform(call, outcome.apply(call.flow));
                }
            }
        });
    }

    /** Continues the flow with an outcome, unless the call moved on since the action was asked for. */
    private void continueWith(AcdCall call, int turn, Function<CallFlowRun, FlowAction> outcome) {
        executor.execute(() -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    if (call.flowTurn != turn || (!call.state.is(CallPhase.ROUTING) && !call.state.is(CallPhase.VOICEMAIL))) {
                        return;
                    }
                    if (call.state.is(CallPhase.VOICEMAIL)) {
                        voicemails.finish(call);
                        call.cancelFlowTimer();
                        call.state.voicemailLeft();
                    }
                    perform(call, outcome.apply(call.flow));
                }
            }
        });
    }

    private void endFlow(AcdCall call, int turn, String reason) {
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (call.flowTurn != turn || !call.state.is(CallPhase.ROUTING)) {
                    return;
                }
                LOG.info(() -> "call flow ended: " + reason);
                String outcome = call.voicemailFile != null ? "VOICEMAIL" : "HANGUP_IN_FLOW";
                if (call.nodeAnsweredCaller()) {
                    requests.bye(call.callerDialog);
                    finish(call, outcome);
                } else {
                    endCall(call, Response.TEMPORARILY_UNAVAILABLE, "Call flow ended", outcome);
                }
            }
        }
    }

    /** Ends a call still waiting for a final response: the caller hears the status. */
    void endCall(AcdCall call, int status, String why, String outcome) {
        sessions.remove(call);
        responses.send(call.callerInvite, status, why);
        finish(call, outcome);
    }

    private void finish(AcdCall call, String outcome) {
        history.ended(call, outcome, "flow", clock.instant());
        sessions.remove(call);
        call.leaveFlow();
        media.close(call);
    }

    private void recordStep(AcdCall call, FlowStep step) {
        history.flowStep(call, step);
    }
}
