package io.verbund.acd.telephony.call;

import io.verbund.acd.runtime.callcontrol.HoldAsked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hold and resume of a connected call, as asked for through the API: on hold the caller's leg
 * leaves the bridge and loops music on hold (the queue's music it heard while waiting), the
 * agent's leg sends silence, and the call's recording pauses without ending; resume bridges the
 * same two legs again. The agent's phone is not re-INVITEd: it keeps its session and simply hears
 * silence, which every phone handles, where a re-INVITE with {@code sendonly} would not be
 * understood by every one. Whether the call may go on hold is the {@link io.verbund.acd.call.Call}'s to
 * decide; a hold asked for a call that cannot take it (ended, a transfer ringing, on hold already)
 * is logged and changes nothing, and the API's caller sees the call's steps unchanged.
 */
@ApplicationScoped
public class Holds {

    private static final Logger LOG = Logger.getLogger(Holds.class.getName());

    private final CallerMedia media;
    private final CallRecordings recordings;
    private final CallHistory history;
    private final Clock clock;

    @Inject
    public Holds(CallerMedia media, CallRecordings recordings, CallHistory history, Clock clock) {
        this.media = media;
        this.recordings = recordings;
        this.history = history;
        this.clock = clock;
    }

    protected Holds() {
        this(null, null, null, null);
    }

    /** Carries out the hold or resume ({@link CallControl}, under the call's monitor). */
    void carryOut(AcdCall call, HoldAsked asked) {
        if (asked.kind() == HoldAsked.Kind.HOLD) {
            putOnHold(call, "api:" + asked.by());
        } else {
            resume(call, "api:" + asked.by());
        }
    }

    private void putOnHold(AcdCall call, String by) {
        Optional<String> refused = call.state.whyNoHold();
        if (refused.isEmpty() && (call.callerMedia == null || call.agentMedia == null)) {
            refused = Optional.of("the call's media is not anchored on this node");
        }
        if (refused.isEmpty() && call.mixing != null) {
            // The legs sit in a mixing room (a supervisor or a third party is in): no hold music into it.
            refused = Optional.of("a supervisor or a third party is in the call");
        }
        if (refused.isPresent()) {
            String why = refused.get();
            LOG.info(() -> "hold of call " + call.callId + " not possible: " + why);
            return;
        }
        Instant now = clock.instant();
        call.state.putOnHold(by, now);
        recordings.unbridge(call);
        media.musicOnHold(call);
        history.record(call);
        LOG.info(() -> "call " + call.callId + " on hold by " + by);
    }

    private void resume(AcdCall call, String by) {
        if (!call.state.isConnected() || !call.state.isOnHold() || call.state.consultationTarget().isPresent()) {
            // During a consultation the agent swaps or returns instead.
            LOG.info(() -> "call " + call.callId + " is not on hold, or consults: nothing to resume");
            return;
        }
        Instant now = clock.instant();
        call.state.resumed(by, now);
        media.stop(call);
        recordings.rebridge(call);
        history.record(call);
        LOG.info(() -> "call " + call.callId + " resumed by " + by);
    }
}
