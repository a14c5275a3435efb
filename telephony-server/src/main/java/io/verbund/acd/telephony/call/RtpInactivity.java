package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.media.RtpLeg;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends the connected calls of this node on which one side stopped sending audio: a browser whose
 * tab or network vanished, a desk phone pulled from the wall. Neither sends a BYE, and the other
 * side would otherwise talk to nobody until it hangs up, with the agent ON_CALL all the while.
 *
 * <p>Each leg counts from its own last packet ({@code verbund.rtp.inactivity-timeout-seconds},
 * default 60, 0 switches it off): a leg that never sent has not stopped (some phones send only once
 * they are spoken to), a leg held with {@code recvonly} or {@code inactive} is not expected to
 * send, and a call on hold is left alone: its silence counts from the moment it was last seen on
 * hold, so a phone that stopped sending while held is not cut off at its resume. Browsers and desk phones send a packet every 20 ms while a call is up, silence included,
 * so a minute without one is no pause in the conversation.
 */
@ApplicationScoped
public class RtpInactivity {

    private static final Logger LOG = Logger.getLogger(RtpInactivity.class.getName());
    private static final Duration PERIOD = Duration.ofSeconds(1);

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final CallSessions sessions;
    private final InboundCalls calls;
    private final Duration timeout;
    private volatile ScheduledFuture<?> check;
    /** When each call was last seen on hold ({@link System#nanoTime}); only the check's thread changes it. */
    private final Map<String, Long> lastSeenOnHold = new HashMap<>();

    @Inject
    public RtpInactivity(CallSessions sessions, InboundCalls calls,
                         @ConfigProperty(name = "verbund.rtp.inactivity-timeout-seconds", defaultValue = "60") long timeoutSeconds) {
        this.sessions = sessions;
        this.calls = calls;
        this.timeout = Duration.ofSeconds(Math.max(0, timeoutSeconds));
    }

    protected RtpInactivity() {
        this(null, null, 0);
    }

    void start(@Observes Startup startup) {
        if (timeout.isZero()) {
            LOG.info("RTP inactivity timeout switched off: calls whose audio stopped are not ended by the node");
            return;
        }
        check = scheduler.scheduleWithFixedDelay(this::endSilentCalls, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }

    private void endSilentCalls() {
        try {
            long now = System.nanoTime();
            Set<String> present = new HashSet<>();
            for (AcdCall call : sessions.all()) {
                present.add(call.callId);
                silentSide(call, now).ifPresent(side -> {
                    try (CallLogContext context = CallLogContext.of(call)) {
                        calls.endBecauseAudioStopped(call, side, timeout);
                    }
                });
            }
            lastSeenOnHold.keySet().retainAll(present);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again, and silent calls would stay up for good.
            LOG.log(Level.SEVERE, "the check for calls without audio failed", e);
        }
    }

    /** "caller" or "agent": the side of a connected call silent for the timeout, if one is. */
    private Optional<String> silentSide(AcdCall call, long now) {
        synchronized (call) {
            if (!call.state.isConnected()) {
                return Optional.empty();
            }
            if (call.state.isOnHold()) {
                lastSeenOnHold.put(call.callId, now);
                return Optional.empty();
            }
            Long held = lastSeenOnHold.get(call.callId);
            if (held != null && now - held < timeout.toNanos()) {
                return Optional.empty();
            }
            if (silent(call.callerMedia, now)) {
                return Optional.of("caller");
            }
            return silent(call.agentMedia, now) ? Optional.of("agent") : Optional.empty();
        }
    }

    private boolean silent(RtpLeg leg, long now) {
        return leg != null && leg.silentFor(now).filter(silence -> silence.compareTo(timeout) >= 0).isPresent();
    }
}
