package io.verbund.acd.telephony.media;

/**
 * Two legs whose media is relayed to each other (the B2BUA anchors the call's media): what the
 * caller's phone sends goes out of the agent's leg and back, re-stamped into each leg's own sequence,
 * timestamp and SSRC, payload unchanged (or transcoded between the G.711 laws). The optional tap sees
 * every audio payload in order. Made by {@link MediaEngine#bridge}; ends with {@link #unbridge()} or
 * when either leg closes.
 */
public final class Bridge {

    private final MediaEngine engine;
    private final RtpLeg caller;
    private final RtpLeg agent;
    private final BridgeTap tap;
    private volatile boolean ended;

    Bridge(MediaEngine engine, RtpLeg caller, RtpLeg agent, BridgeTap tap) {
        this.engine = engine;
        this.caller = caller;
        this.agent = agent;
        this.tap = tap;
    }

    public RtpLeg caller() {
        return caller;
    }

    public RtpLeg agent() {
        return agent;
    }

    public boolean isEnded() {
        return ended;
    }

    /**
     * Stops the relay; both legs go back to idle (silence) and may play again. The tap is closed on the
     * event executor once the receive thread no longer calls it. Idempotent.
     */
    public void unbridge() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        caller.leaveBridge(this);
        agent.leaveBridge(this);
        engine.afterReceiveThread(() -> {
            if (tap != null) {
                engine.events().execute(tap::close);
            }
        });
    }

    RtpLeg other(RtpLeg leg) {
        return leg == caller ? agent : caller;
    }

    /** Called on the receive thread with each audio payload in sequence order. */
    void tap(RtpLeg from, byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
        if (tap == null || ended) {
            return;
        }
        if (from == caller) {
            tap.fromCaller(payload, offset, length, rtpTimestamp, receivedNanos);
        } else {
            tap.fromAgent(payload, offset, length, rtpTimestamp, receivedNanos);
        }
    }
}
