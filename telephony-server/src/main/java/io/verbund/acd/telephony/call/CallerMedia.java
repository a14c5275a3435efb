package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;

import io.verbund.acd.telephony.media.DigitListener;
import io.verbund.acd.telephony.media.LegStats;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.Playable;
import io.verbund.acd.telephony.media.PromptLanguage;
import io.verbund.acd.telephony.media.PromptSequence;
import io.verbund.acd.telephony.media.RtpLeg;
import io.verbund.acd.telephony.media.SessionDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the caller hears while the node holds the call: the caller's RTP leg, anchored here from
 * the first prompt on, and the prompts played on it in the tenant's language. The first sound
 * goes out as early media (183): the caller is not answered — and not charged — while it only
 * listens to announcements and music on hold. A caller whose INVITE had no session description
 * cannot hear anything before it is answered; for it every prompt is over at once.
 */
@ApplicationScoped
public class CallerMedia {

    private static final Logger LOG = Logger.getLogger(CallerMedia.class.getName());

    private final NodeMedia node;
    private final CallerSignalling signalling;
    private final TenantPrompts tenantPrompts;
    private final CallerDialogs dialogs;

    @Inject
    public CallerMedia(NodeMedia node, CallerSignalling signalling, TenantPrompts tenantPrompts, CallerDialogs dialogs) {
        this.node = node;
        this.signalling = signalling;
        this.tenantPrompts = tenantPrompts;
        this.dialogs = dialogs;
    }

    protected CallerMedia() {
        this(null, null, null, null);
    }

    /**
     * Anchors the caller's media on this node: a leg answering the INVITE's offer. Nothing is sent
     * to the caller yet.
     *
     * @throws io.verbund.acd.telephony.media.NoCommonCodec when the caller offers no G.711
     * @throws io.verbund.acd.telephony.media.MalformedSdp when the offer cannot be read
     */
    void open(AcdCall call, DigitListener digits) {
        open(call, digits, null);
    }

    /**
     * Anchors the caller's media of a call taken over from another node: as {@link #open}, with our
     * description going on from the one the departed node gave the caller ({@code last}, when known).
     */
    void open(AcdCall call, DigitListener digits, SessionDescription.Origin last) {
        byte[] offer = call.callerRequest.getRawContent();
        if (offer == null || offer.length == 0) {
            return;
        }
        SessionDescription parsed = SessionDescription.parse(new String(offer, StandardCharsets.US_ASCII));
        RtpLeg leg = node.engine().openLeg("caller " + call.callId);
        leg.belongsTo(call.callId, call.tenant == null ? null : call.tenant.value());
        if (last != null) {
            leg.continueSession(last);
        }
        try {
            call.callerSdp = leg.answer(parsed).toString();
        } catch (RuntimeException e) {
            leg.close();
            throw e;
        }
        leg.onDigits(digits);
        call.callerMedia = leg;
    }

    boolean hasMedia(AcdCall call) {
        return call.callerMedia != null;
    }

    /** Plays the prompts one after the other, then runs {@code after} (on the media event thread). */
    void play(AcdCall call, List<String> prompts, Runnable after) {
        Optional<Playable> audio = hasMedia(call) ? audio(call, prompts) : Optional.empty();
        if (audio.isEmpty()) {
            after.run();
            return;
        }
        earlyMedia(call);
        call.callerMedia.play(audio.get(), after);
    }

    /** Plays the prompts, then music on hold until the caller is connected or leaves the queue. */
    void playThenLoop(AcdCall call, List<String> prompts, String musicOnHold) {
        if (!hasMedia(call)) {
            return;
        }
        earlyMedia(call);
        Optional<Playable> music = audio(call, List.of(musicOnHold));
        Optional<Playable> first = audio(call, prompts);
        RtpLeg leg = call.callerMedia;
        if (first.isEmpty()) {
            music.ifPresent(leg::loop);
            return;
        }
        leg.play(first.get(), () -> {
            synchronized (call) {
                if (call.state.is(CallPhase.QUEUED) && call.callerMedia == leg) {
                    music.ifPresent(leg::loop);
                }
            }
        });
    }

    /** Music on hold for a connected caller its agent put on hold, looped until resumed. */
    void musicOnHold(AcdCall call) {
        if (hasMedia(call)) {
            musicOnHold(call, call.callerMedia);
        }
    }

    /** The call's music on hold on another of its legs: a consulted party the agent swapped away from. */
    void musicOnHold(AcdCall call, RtpLeg leg) {
        audio(call, List.of(call.musicOnHold)).ifPresent(leg::loop);
    }

    void stop(AcdCall call) {
        if (hasMedia(call)) {
            call.callerMedia.stop();
        }
    }

    /** Releases the call's media: the caller's leg, an agent's leg and the recording. */
    void close(AcdCall call) {
        if (call.mixing != null) {
            call.mixing.end(call);
            call.mixing = null;
        }
        if (call.recording != null) {
            call.recording.close();
            call.recording = null;
        }
        LegStats agent = null;
        if (call.agentMedia != null) {
            agent = call.agentMedia.close();
            call.agentMedia = null;
        }
        LegStats caller = null;
        if (call.callerMedia != null) {
            caller = call.callerMedia.close();
            call.callerMedia = null;
        }
        if (call.takeovers > 0 && agent != null && caller != null) {
            // Whether the parties heard each other after the move: an operator's (and the failover test's) proof.
            LOG.info("media of taken-over call " + call.callId + ": caller received=" + caller.packetsReceived() + " sent="
                    + caller.packetsSent() + ", agent received=" + agent.packetsReceived() + " sent=" + agent.packetsSent());
        }
    }

    /** The caller queued: if the flow answered it before (after an announcement), its dialog can move to another node from now. */
    void queued(AcdCall call) {
        dialogs.waiting(call);
    }

    /** Early media before the caller's first audio, or the answer where its service number answers on queue. */
    private void earlyMedia(AcdCall call) {
        if (call.earlyMedia || call.callerAnswered() || call.state.is(CallPhase.CONNECTED)) {
            return;
        }
        if (call.answerOnQueue) {
            call.answeredInFlow = signalling.answer(call, call.callerSdp);
            if (call.answeredInFlow) {
                LOG.info("caller answered in the flow (answer on queue)");
                dialogs.waiting(call);
            }
        } else {
            call.earlyMedia = signalling.earlyMedia(call, call.callerSdp);
        }
    }

    /** The prompts as one playable, skipping any this tenant does not have (logged, never silence for ever). */
    private Optional<Playable> audio(AcdCall call, List<String> names) {
        PromptLanguage language = PromptLanguage.ofTag(call.language);
        List<Playable> parts = new ArrayList<>();
        for (String name : names) {
            if (node.prompts().has(language, name)) {
                parts.add(node.prompts().prompt(language, name));
            } else {
                Optional<Playable> own = tenantPrompts.prompt(call.tenant, name);
                own.ifPresentOrElse(parts::add, () -> LOG.warning(() -> "prompt " + name + " not found for tenant " + call.tenant));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : PromptSequence.of(parts));
    }
}
