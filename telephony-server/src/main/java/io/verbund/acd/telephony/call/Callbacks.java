package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;
import io.verbund.acd.call.CallbackRetries;
import io.verbund.acd.callflow.FlowAction;
import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.sip.SipResponses;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.message.Response;

/**
 * Callbacks a caller chose at a flow's callback node: the caller's place in the queue is kept
 * (its {@link QueueEntry} with the call's own wait start and the queue's priority, in the
 * replicated queue like any caller's) while its leg ends; the call stays on this node as an
 * {@link AcdCall} without a caller's leg, so the distribution offers it as it offers any caller.
 * Once an agent takes it, {@link OutboundCalls} dials the number; an attempt that fails comes back
 * here and is offered again at its old place after the group's delay, until the group gives up
 * ({@link CallbackRetries}). Every method runs under the call's monitor.
 *
 * <p>A pending callback lives in this node's memory and the replicated queue: when the node stops,
 * its callbacks end with it (their records end FAILED, as the node's other calls do).
 */
@ApplicationScoped
public class Callbacks {

    private static final Logger LOG = Logger.getLogger(Callbacks.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final QueueStore queue;
    private final CallHistory history;
    private final CallSessions sessions;
    private final SipResponses responses;
    private final OutboundRequests requests;
    private final CallerMedia media;
    private final DistributionSignal distribution;
    private final Clock clock;

    @Inject
    public Callbacks(QueueStore queue, CallHistory history, CallSessions sessions, SipResponses responses, OutboundRequests requests,
                     CallerMedia media, DistributionSignal distribution, Clock clock) {
        this.queue = queue;
        this.history = history;
        this.sessions = sessions;
        this.responses = responses;
        this.requests = requests;
        this.media = media;
        this.distribution = distribution;
        this.clock = clock;
    }

    protected Callbacks() {
        this(null, null, null, null, null, null, null, null);
    }

    /**
     * Books the callback the flow asked for in {@code group}: the call leaves its flow and keeps its
     * place (wait start and priority) for the number; the caller hears the prompt, then its leg ends
     * and the callback joins the queue.
     *
     * @param entry the caller's queue entry in the group, with the call's wait start and the priority to keep
     */
    void book(AcdCall call, GroupSettings group, QueueEntry entry, FlowAction.BookCallback callback) {
        Instant now = clock.instant();
        call.group = group;
        call.entry = entry;
        call.state.callbackRequested(group.id(), callback.priority(), callback.number(), now);
        history.record(call);
        call.leaveFlow();
        media.stop(call);
        LOG.info(() -> "callback to " + callback.number() + " booked in group " + group.name());
        media.play(call, List.of(callback.prompt()), () -> executor.execute(() -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    releaseCaller(call);
                }
            }
        }));
    }

    /**
     * The caller's leg ends (unless the caller hung up first) and the callback waits in the queue
     * without it. The 480 says the caller was not connected, which is so: it will be called.
     */
    private void releaseCaller(AcdCall call) {
        if (!call.state.is(CallPhase.QUEUED) || call.callerGone) {
            return;
        }
        if (call.nodeAnsweredCaller()) {
            requests.bye(call.callerDialog);
        } else {
            responses.send(call.callerInvite, Response.TEMPORARILY_UNAVAILABLE, "Callback booked");
        }
        callerLeft(call);
        joinQueue(call);
    }

    /**
     * The caller hung up during the prompt after booking its callback: not an abandon. The callback
     * joins the queue at once.
     */
    void callerHungUp(AcdCall call) {
        if (!call.callerGone) {
            callerLeft(call);
            joinQueue(call);
        }
    }

    /** The caller's leg is over while its callback waits: its media goes; the number's leg is opened when an agent is offered it. */
    private void callerLeft(AcdCall call) {
        call.callerGone = true;
        call.callerDialog = null;
        call.answeredByNode = false;
        call.answeredInFlow = false;
        call.earlyMedia = false;
        media.close(call);
    }

    private void joinQueue(AcdCall call) {
        if (call.state.is(CallPhase.QUEUED) && call.callerGone) {
            queue.enqueue(call.entry);
            distribution.raise();
        }
    }

    /**
     * The callback's number did not answer (the call is QUEUED again, its agent off it): back at its
     * place in the queue after the group's delay, or given up when the group's rule says so.
     */
    void attemptFailed(AcdCall call) {
        Instant now = clock.instant();
        media.close(call);
        if (call.numberCallId != null) {
            sessions.unlinkNumberLeg(call.numberCallId);
            call.numberCallId = null;
        }
        call.agentDialog = null;
        call.agentCallId = null;
        call.agentSince = null;
        CallbackRetries retries = call.group == null ? CallbackRetries.DEFAULT : call.group.callbackRetries();
        int attempts = call.state.callbackAttempts();
        retries.nextAttempt(attempts, call.state.callbackRequestedAt().orElse(now), now).ifPresentOrElse(next -> {
            Duration delay = Duration.between(now, next);
            LOG.info(() -> "callback attempt " + attempts + " failed: offered again in " + delay.toSeconds() + " s");
            scheduler.schedule(() -> requeue(call), delay.toMillis(), TimeUnit.MILLISECONDS);
        }, () -> giveUp(call, retries.whyGivenUp(attempts)));
    }

    private void requeue(AcdCall call) {
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (call.state.is(CallPhase.QUEUED)) {
                    queue.enqueue(call.entry);
                    distribution.raise();
                }
            }
        } catch (RuntimeException e) {
            // A scheduled task's failure is not logged, and the callback would wait for good.
            LOG.log(Level.SEVERE, "callback " + call.callId + " could not be queued again", e);
        }
    }

    /** The group gives up on the callback: the call ends {@code CALLBACK_FAILED}. */
    void giveUp(AcdCall call, String why) {
        queue.remove(call.callId);
        call.state.callbackGivenUp(why, clock.instant());
        history.record(call);
        sessions.remove(call);
        media.close(call);
        LOG.info(() -> "callback given up: " + why);
    }
}
