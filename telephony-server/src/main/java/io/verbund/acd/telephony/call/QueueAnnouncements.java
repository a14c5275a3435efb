package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.callflow.FlowAction;
import io.verbund.acd.routing.QueueOrder;
import io.verbund.acd.telephony.directory.GroupSettings;
import io.verbund.acd.telephony.media.PromptLibrary;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a waiting caller hears: the recording notice where the group records, its place in the
 * queue and the estimated wait, then music on hold, and the place and wait again every so often.
 * The estimate is the caller's place times the group's average handling time on this node, shared
 * by the agents logged in; until a call of the group has been handled there is no estimate and the
 * caller hears only the place — an invented number would be worse than none.
 */
@ApplicationScoped
public class QueueAnnouncements {

    /** Weight of the newest call in the average handling time. */
    private static final double NEWEST_WEIGHT = 0.2;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final QueueStore queue;
    private final AgentStates agents;
    private final CallerMedia media;
    private final long ringbackMillis;
    private final Map<Long, Double> handlingSeconds = new ConcurrentHashMap<>();

    @Inject
    public QueueAnnouncements(QueueStore queue, AgentStates agents, CallerMedia media,
                              @ConfigProperty(name = "verbund.queue.ringback-before-music-ms", defaultValue = "2000") long ringbackMillis) {
        this.queue = queue;
        this.agents = agents;
        this.media = media;
        this.ringbackMillis = ringbackMillis;
    }

    protected QueueAnnouncements() {
        this(null, null, null, 0);
    }

    /** The caller has just been queued. Called under the call's monitor. */
    void start(AcdCall call, FlowAction.Enqueue enqueue) {
        List<String> first = new ArrayList<>();
        if (call.group.recording() && call.group.recordingNotice()) {
            first.add("recording-notice");
        }
        enqueue.announceEvery().ifPresent(every -> first.addAll(placeAndWait(call)));
        call.musicOnHold = enqueue.mohPrompt();
        if (first.isEmpty() && ringbackMillis > 0 && stillRinging(call)) {
            // Nothing to announce and the caller's phone still rings (180, no media yet): let it ring a
            // moment before the music. A caller an agent takes at once hears a ring, not a snippet of
            // music, and the node sends no early media for it at all.
            int turn = call.flowTurn;
            call.queueTimers.add(scheduler.schedule(() -> executor.execute(() -> musicAfterRingback(call, turn)),
                    ringbackMillis, TimeUnit.MILLISECONDS));
            return;
        }
        media.playThenLoop(call, first, enqueue.mohPrompt());
        enqueue.announceEvery().ifPresent(every -> call.queueTimers.add(scheduler.scheduleWithFixedDelay(
                () -> executor.execute(() -> announce(call, enqueue.mohPrompt())),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS)));
    }

    private static boolean stillRinging(AcdCall call) {
        return !call.earlyMedia && !call.callerAnswered();
    }

    /** The ring is over: music, for a caller still waiting (an agent's phone may ring for it meanwhile). */
    private void musicAfterRingback(AcdCall call, int turn) {
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (call.flowTurn == turn && (call.state.is(CallPhase.QUEUED) || call.state.is(CallPhase.OFFERING))) {
                    media.playThenLoop(call, List.of(), call.musicOnHold);
                }
            }
        }
    }

    private void announce(AcdCall call, String moh) {
        try (CallLogContext context = CallLogContext.of(call)) {
            synchronized (call) {
                if (call.state.is(CallPhase.QUEUED)) {
                    media.playThenLoop(call, placeAndWait(call), moh);
                }
            }
        }
    }

    /** A connected call of the group ended after this long: the estimate follows it. */
    void handled(long groupId, Duration talked) {
        handlingSeconds.merge(groupId, (double) talked.toSeconds(),
                (average, newest) -> average * (1 - NEWEST_WEIGHT) + newest * NEWEST_WEIGHT);
    }

    boolean anyAgentLoggedIn(GroupSettings group) {
        return loggedIn(group) > 0;
    }

    private long loggedIn(GroupSettings group) {
        return agents.all().stream().filter(status -> status.state() != AgentState.LOGGED_OUT
                && status.agent().tenant().equals(group.tenant())
                && group.membersByExtension().containsKey(status.agent().extension())).count();
    }

    private List<String> placeAndWait(AcdCall call) {
        int place = QueueOrder.positionOf(call.entry, queue.waitingIn(call.group.id()));
        List<String> prompts = new ArrayList<>(PromptLibrary.callerPosition(place));
        Double average = handlingSeconds.get(call.group.id());
        if (average != null) {
            prompts.addAll(PromptLibrary.estimatedWait(Math.round(Math.ceil(place * average / Math.max(1, loggedIn(call.group)) / 60))));
        }
        return prompts;
    }
}
