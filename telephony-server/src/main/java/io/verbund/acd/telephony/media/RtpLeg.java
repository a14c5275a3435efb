package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import io.verbund.acd.telephony.media.srtp.SdesCrypto;
import io.verbund.acd.telephony.media.srtp.SrtpAgreement;
import io.verbund.acd.telephony.media.srtp.SrtpMasterKey;
import io.verbund.acd.telephony.media.srtp.SrtpSession;
import io.verbund.acd.telephony.media.srtp.SrtpSuite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The media of one SIP dialog side: a local RTP/RTCP port pair, what offer/answer settled, and one
 * outgoing RTP stream whose SSRC, sequence numbers and timestamps run on continuously across
 * everything the leg sends (silence, prompts, music on hold, relayed audio): a phone's jitter buffer
 * never sees the source restart. The first packet after each change of what is sent carries the
 * marker bit.
 * <p>
 * <b>Idle, the leg sends silence</b>, 50 packets a second, as long as the peer accepts audio: the
 * engine is dimensioned for every leg sending (music on hold) anyway, and a silent stream keeps NAT
 * bindings open, keeps the peer's RTP inactivity timers (which hang up calls) quiet, and spares the
 * peer's jitter buffer a restart at every prompt. Nothing is sent while the peer holds us
 * ({@code sendonly}/{@code inactive}/{@code c=0.0.0.0}) or before we know where to send.
 * <p>
 * <b>One peer</b> ({@link PeerLatch}): the leg takes RTP from the SDP address, or, at the call's start,
 * from the one source that proves itself the peer behind NAT; then it locks to that source and sends
 * there (symmetric RTP: a phone behind NAT is reachable only there). Packets from anyone else are
 * dropped unseen and counted ({@link MediaEngine#foreignPackets()}), never relayed, recorded or
 * answered.
 * <p>
 * <b>SRTP</b> (SDES): when the peer offered {@code RTP/SAVP}, or we offered it ({@link #offerSrtp}),
 * everything the leg sends is protected with the leg's own key and everything it receives is
 * authenticated and decrypted in place before anything else looks at it: the relay, DTMF detection
 * and the recording see RTP in clear, exactly as without SRTP. Packets failing authentication or
 * replayed are dropped and counted. A leg that runs SRTP refuses to fall back to clear RTP.
 * <p>
 * Thread rules: every public method may be called from any thread. {@code onFinished} of
 * {@link #play} and the {@link DigitListener} run on the engine's event executor, in order per leg.
 */
public final class RtpLeg {

    private static final Logger LOG = Logger.getLogger(RtpLeg.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int FRAME_BYTES = AudioCodec.SAMPLES_PER_FRAME;
    private static final long TIMESTAMP_MASK = 0xFFFFFFFFL;
    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / AudioCodec.SAMPLE_RATE;
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;
    private static final byte[] PCMU_SILENCE = silence(AudioCodec.PCMU);
    private static final byte[] PCMA_SILENCE = silence(AudioCodec.PCMA);

    /** What the pacer plays: a {@code Playable} once (then {@code onFinished}) or in a loop. */
    private record Playback(Playable audio, boolean loop, Runnable onFinished) {
    }

    private final MediaEngine engine;
    private final String label;
    private final RtpPorts.Pair ports;
    private final SerialEvents events;
    private final InetAddress advertisedAddress;
    private final int ssrc;
    private final byte[] cname;

    private final Object negotiation = new Object();
    private SessionDescription.Origin origin;
    private SrtpMasterKey localKey;
    private boolean offersSrtp;
    private SdesCrypto offeredCrypto;
    private volatile NegotiatedAudio audio;
    /** The SRTP state, replaced only when the keys change; null for RTP in clear. */
    private volatile SrtpSession srtp;
    private final PeerLatch latch;
    private volatile InetSocketAddress latchedRtcp;
    private volatile String callId;
    private volatile String tenant;
    private final AtomicReference<Playback> playback = new AtomicReference<>();
    private volatile Bridge bridge;
    private volatile MixingRoom room;
    private volatile MixingRoom.Seat seat;
    private volatile AudioListener listener;
    private volatile DigitListener digitListener;
    private volatile boolean closed;

    // The outgoing stream, written by the pacer or (bridged) by the receive thread.
    private final Object sendLock = new Object();
    private int nextSequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & TIMESTAMP_MASK;
    private long lastSentNanos;
    private boolean anySent;
    private boolean markNext = true;
    private boolean relayMapped;
    private int relaySource;
    private int sequenceOffset;
    private long timestampOffset;
    private volatile long packetsSent;
    private volatile long octetsSent;
    private volatile long sendFailures;

    // The pacer thread's.
    private final byte[] paced = new byte[RtpPacket.HEADER_LENGTH + FRAME_BYTES + SrtpSuite.MAX_TAG_LENGTH];
    private final ByteBuffer pacedBuffer = ByteBuffer.wrap(paced);
    private Playback pacedPlayback;
    private int frameIndex;
    private boolean pacedLastTick;
    private long lastPacedNanos;

    // The receive thread's.
    private final ReorderBuffer reorder;
    private final DtmfDetector dtmf;
    private boolean haveRemoteSsrc;
    private int remoteSsrc;
    private boolean haveHighest;
    private int highestSequence;
    private int sequenceCycles;
    private boolean haveTransit;
    private long lastTransit;
    private double jitterSamples;
    private long nextReportNanos;
    private long lastSenderReportMiddle;
    private long lastSenderReportNanos;
    private long reportedLost;
    private long reportedReceived;
    private long reportedSent;
    private volatile long packetsReceived;
    /** When the last packet the leg took arrived ({@link System#nanoTime}); meaningless while none did. */
    private volatile long lastReceivedNanos;
    private volatile long malformed;
    private volatile long unexpected;
    private volatile long foreign;
    private volatile long ssrcChanges;
    private volatile long authenticationFailures;
    private volatile long replayed;
    private volatile long senderReports;
    private volatile long receiverReports;
    private final AtomicLong digits = new AtomicLong();

    RtpLeg(MediaEngine engine, String label, RtpPorts.Pair ports, SerialEvents events) {
        this.engine = engine;
        this.label = label;
        this.ports = ports;
        this.events = events;
        this.advertisedAddress = engine.config().advertisedAddress();
        this.ssrc = RANDOM.nextInt();
        this.cname = ("verbund-" + Integer.toHexString(ssrc) + "@" + advertisedAddress.getHostAddress()).getBytes(StandardCharsets.US_ASCII);
        MediaConfig config = engine.config();
        this.reorder = new ReorderBuffer(config.reorderDepth(), config.reorderWait().toNanos(), this::onOrdered);
        this.dtmf = new DtmfDetector(config.dtmfEndTimeout().toNanos(), this::onDetectedDigit);
        this.nextReportNanos = System.nanoTime() + config.rtcpInterval().toNanos();
        this.latch = new PeerLatch(config.latchWindow().toNanos(), config.latchPackets());
    }

    /** Names the call (and its tenant, null while unknown) in the log lines about foreign packets. */
    public void belongsTo(String callId, String tenant) {
        this.callId = callId;
        this.tenant = tenant;
    }

    /**
     * The peer may send from now: our 183 or 200 went out with this leg's answer. A peer behind NAT
     * may win the leg only within {@link MediaConfig#latchWindow()} of this (or of the answer to our
     * offer, {@link #setRemote}); see {@link PeerLatch}.
     */
    public void peerMaySend() {
        latch.openWindow(System.nanoTime());
    }

    /** Where the peer's SDP says its RTP comes from (and ours goes); empty on hold or before negotiation. */
    Optional<InetSocketAddress> remoteSdpAddress() {
        NegotiatedAudio negotiated = audio;
        return negotiated == null ? Optional.empty() : Optional.ofNullable(negotiated.remoteRtp());
    }

    /** Where the leg takes RTP from now; empty while it still waits for its peer's first packets. */
    public Optional<InetSocketAddress> lockedSource() {
        PeerLatch.Lock lock = latch.locked();
        return lock == null ? Optional.empty() : Optional.of(lock.source());
    }

    public String label() {
        return label;
    }

    /** The RTP port; RTCP is on the next one. */
    public int localPort() {
        return ports.rtpPort();
    }

    /** The address our SDP gives. */
    public InetAddress localAddress() {
        return advertisedAddress;
    }

    /** Our synchronization source, the same for everything this leg sends. */
    public int ssrc() {
        return ssrc;
    }

    /** What offer/answer settled; empty before it. */
    public Optional<NegotiatedAudio> negotiated() {
        return Optional.ofNullable(audio);
    }

    /** Where packets go now: the peer's latched source, else its SDP address; empty when we must not send. */
    public Optional<InetSocketAddress> remoteTarget() {
        return Optional.ofNullable(target(audio));
    }

    // ---- offer/answer ----

    /**
     * Answers the peer's offer (an INVITE's, or a re-INVITE's: the stream carries on). What is being
     * played carries on in the newly chosen codec.
     *
     * @return the answer to send in the 200
     * @throws NoCommonCodec when the offer has no PCMU or PCMA audio (answer 488)
     */
    public SessionDescription answer(SessionDescription offer) {
        requireOpen();
        synchronized (negotiation) {
            NegotiatedAudio current = audio;
            AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, nextOrigin(), advertisedAddress, localPort(), localKey());
            if (current != null && current.secure() && !answer.audio().secure()) {
                // Falling back to clear RTP mid-call would hand the rest of the call to anyone on the path.
                throw new NoUsableCrypto("the call's media is SRTP: an offer of RTP in clear is refused");
            }
            apply(answer.audio());
            return answer.description();
        }
    }

    /** Our offer (the agent's leg): both G.711 laws, {@code preferred} first, telephone-event 101, ptime 20. */
    public SessionDescription offer(AudioCodec preferred) {
        return offer(preferred, MediaDirection.SENDRECV);
    }

    /** Our offer with a direction: {@code sendonly} to hold the peer, {@code sendrecv} to resume. */
    public SessionDescription offer(AudioCodec preferred, MediaDirection direction) {
        requireOpen();
        synchronized (negotiation) {
            NegotiatedAudio current = audio;
            if (current != null && current.secure()) {
                // A re-offer keeps the suite and our key: the stream and its rollover counter go on.
                offeredCrypto = new SdesCrypto(AudioNegotiation.OFFERED_CRYPTO_TAG, current.srtp().suite(), localKey());
            } else if (offersSrtp) {
                offeredCrypto = new SdesCrypto(AudioNegotiation.OFFERED_CRYPTO_TAG, SrtpSuite.AES_CM_128_HMAC_SHA1_80, localKey());
            } else {
                offeredCrypto = null;
            }
            return AudioNegotiation.offer(nextOrigin(), advertisedAddress, localPort(), preferred, direction, offeredCrypto);
        }
    }

    /**
     * Our offers are SRTP from now on ({@code RTP/SAVP} with one SDES crypto line): for a peer the
     * signalling reaches over TLS, where the key in the SDP is not readable on the way.
     */
    public void offerSrtp() {
        synchronized (negotiation) {
            offersSrtp = true;
        }
    }

    /** Whether the media runs SRTP now. */
    public boolean isSecure() {
        return srtp != null;
    }

    /**
     * Takes the peer's answer to our {@link #offer}.
     *
     * @throws NoCommonCodec when it refused the audio or chose no G.711 law
     */
    public void setRemote(SessionDescription answer) {
        requireOpen();
        synchronized (negotiation) {
            apply(AudioNegotiation.accept(answer, offeredCrypto));
            // The peer answered our offer: its media may come now.
            latch.openWindow(System.nanoTime());
        }
    }

    /** The origin of the last description this leg gave (offer or answer); empty before the first. */
    public Optional<SessionDescription.Origin> origin() {
        synchronized (negotiation) {
            return Optional.ofNullable(origin);
        }
    }

    /**
     * This leg goes on with a session another leg (another node's) described to the same peer: its
     * next description keeps that origin's username and session id, with the version one higher
     * (RFC 3264 8), so the peer takes it as a change of the session it has, not a new one.
     */
    public void continueSession(SessionDescription.Origin last) {
        synchronized (negotiation) {
            origin = Objects.requireNonNull(last, "last");
        }
    }

    private SessionDescription.Origin nextOrigin() {
        origin = origin == null
                ? new SessionDescription.Origin("verbund", Long.toString(RANDOM.nextLong() & Long.MAX_VALUE), 1, advertisedAddress.getHostAddress())
                : origin.next();
        return origin;
    }

    /** The key this leg sends SRTP with: one per leg, from the node's {@code SecureRandom}, made when first needed. */
    private SrtpMasterKey localKey() {
        if (localKey == null) {
            localKey = SrtpMasterKey.random();
        }
        return localKey;
    }

    private void apply(NegotiatedAudio negotiated) {
        NegotiatedAudio previous = audio;
        SrtpAgreement agreed = negotiated.srtp();
        SrtpSession running = srtp;
        if (agreed == null) {
            srtp = null;
        } else if (running == null || !running.runs(agreed.suite(), agreed.localKey(), agreed.remoteKey())) {
            srtp = new SrtpSession(agreed.suite(), agreed.localKey(), agreed.remoteKey());
        }
        if (negotiated.remoteRtp() != null && (previous == null || !Objects.equals(previous.remoteRtp(), negotiated.remoteRtp()))) {
            latchedRtcp = null;
        }
        latch.expect(negotiated.remoteRtp(), System.nanoTime());
        audio = negotiated;
        LOG.fine(() -> label + ": media " + negotiated);
    }

    // ---- what the leg sends ----

    /**
     * Plays the audio once, then the leg is idle and {@code onFinished} runs (on the event executor).
     * Replaces what was playing; {@code onFinished} does not run if this playback is itself replaced,
     * stopped or bridged over.
     *
     * @throws IllegalStateException when the leg is bridged or closed
     */
    public void play(Playable audio, Runnable onFinished) {
        start(new Playback(Objects.requireNonNull(audio), false, onFinished));
    }

    /** Plays the audio over and over (music on hold) until stopped, replaced or bridged. */
    public void loop(Playable audio) {
        start(new Playback(Objects.requireNonNull(audio), true, null));
    }

    /** Back to idle (silence); the stopped playback's {@code onFinished} does not run. */
    public void stop() {
        playback.set(null);
    }

    public boolean isPlaying() {
        return playback.get() != null;
    }

    private void start(Playback next) {
        requireOpen();
        if (bridge != null || room != null) {
            throw new IllegalStateException(label + " is bridged or in a mixing room: leave it before playing");
        }
        playback.set(next);
    }

    // ---- DTMF ----

    /** Who hears the audio this leg receives while not bridged (one listener; null for none). */
    public void listen(AudioListener listener) {
        this.listener = listener;
    }

    /** Who hears this leg's digits (one listener; null for none). */
    public void onDigits(DigitListener listener) {
        this.digitListener = listener;
    }

    /**
     * A digit that came out of band (SIP INFO, see {@link SipInfoDtmf}): the listener hears it like
     * one from RTP.
     *
     * @throws IllegalArgumentException for anything but 0–9, *, #, A–D
     */
    public void injectDigit(char digit) {
        if (DtmfDetector.eventOf(digit) < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        emitDigit(Character.toUpperCase(digit));
    }

    private void onDetectedDigit(char digit, int durationSamples) {
        LOG.fine(() -> label + ": DTMF " + digit + " (" + durationSamples / 8 + " ms)");
        emitDigit(digit);
    }

    private void emitDigit(char digit) {
        digits.incrementAndGet();
        events.execute(() -> {
            DigitListener listener = digitListener;
            if (listener != null) {
                listener.onDigit(digit);
            }
        });
    }

    // ---- bridging ----

    public boolean isBridged() {
        return bridge != null;
    }

    Bridge currentBridge() {
        return bridge;
    }

    void enterBridge(Bridge joined) {
        playback.set(null);
        synchronized (sendLock) {
            relayMapped = false;
            markNext = true;
        }
        bridge = joined;
    }

    void leaveBridge(Bridge left) {
        if (bridge == left) {
            bridge = null;
        }
    }

    // ---- mixing ----

    /** Whether the leg sits in a {@link MixingRoom}. */
    public boolean isMixed() {
        return room != null;
    }

    MixingRoom.Seat seat() {
        return seat;
    }

    /** Under the {@code RtpLeg.class} lock, like entering a bridge. */
    void enterRoom(MixingRoom joined, MixingRoom.Seat taken) {
        playback.set(null);
        synchronized (sendLock) {
            markNext = true;
        }
        seat = taken;
        room = joined;
    }

    void leaveRoom(MixingRoom left) {
        if (room == left) {
            room = null;
            seat = null;
            synchronized (sendLock) {
                markNext = true;
            }
        }
    }

    /** The G.711 law the leg sends and receives; PCMU before negotiation. */
    AudioCodec law() {
        NegotiatedAudio negotiated = audio;
        return negotiated == null ? AudioCodec.PCMU : negotiated.codec();
    }

    /** The room's next 20 ms mixed for this leg's peer. Pacer thread only. */
    void paceMixed(byte[] frame, SendJitter jitter) {
        NegotiatedAudio negotiated = audio;
        InetSocketAddress target = target(negotiated);
        if (target == null) {
            pacedLastTick = false;
            return;
        }
        sendPaced(frame, negotiated.codecPayloadType(), target, false, jitter);
    }

    // ---- the pacer's side ----

    /** The next 20 ms: a frame of the playback (or silence) to the peer. Pacer thread only. */
    void paceTick(SendJitter jitter) {
        if (room != null) {
            // The room sends this leg's frames, on the same tick.
            return;
        }
        if (bridge != null) {
            pacedLastTick = false;
            return;
        }
        Playback current = playback.get();
        boolean newSource = current != pacedPlayback;
        if (newSource) {
            pacedPlayback = current;
            frameIndex = 0;
        }
        NegotiatedAudio negotiated = audio;
        AudioCodec codec = negotiated == null ? AudioCodec.PCMU : negotiated.codec();
        byte[] frame;
        boolean finished = false;
        if (current == null) {
            frame = codec == AudioCodec.PCMU ? PCMU_SILENCE : PCMA_SILENCE;
        } else {
            int count = current.audio().frameCount();
            if (count == 0) {
                frame = codec == AudioCodec.PCMU ? PCMU_SILENCE : PCMA_SILENCE;
                finished = !current.loop();
            } else {
                frame = current.audio().frame(frameIndex, codec);
                if (++frameIndex >= count) {
                    frameIndex = 0;
                    finished = !current.loop();
                }
            }
        }
        InetSocketAddress target = target(negotiated);
        if (target != null) {
            sendPaced(frame, negotiated.codecPayloadType(), target, newSource, jitter);
        } else {
            pacedLastTick = false;
        }
        if (finished && playback.compareAndSet(current, null)) {
            pacedPlayback = null;
            if (current.onFinished() != null) {
                events.execute(current.onFinished());
            }
        }
    }

    private void sendPaced(byte[] frame, int payloadType, InetSocketAddress target, boolean newSource, SendJitter jitter) {
        int length = Math.min(frame.length, FRAME_BYTES);
        long now = System.nanoTime();
        synchronized (sendLock) {
            boolean marker = markNext || newSource || !pacedLastTick;
            if (anySent) {
                long step = pacedLastTick ? FRAME_BYTES : Math.max(FRAME_BYTES, (now - lastSentNanos) / NANOS_PER_SAMPLE);
                timestamp = (timestamp + step) & TIMESTAMP_MASK;
            }
            RtpPacket.write(paced, 0, marker, payloadType, nextSequence, timestamp, ssrc);
            System.arraycopy(frame, 0, paced, RtpPacket.HEADER_LENGTH, length);
            int packetLength = protect(paced, RtpPacket.HEADER_LENGTH + length);
            nextSequence = (nextSequence + 1) & 0xFFFF;
            markNext = false;
            relayMapped = false;
            anySent = true;
            lastSentNanos = now;
            pacedBuffer.clear().limit(packetLength);
            send(pacedBuffer, target, length);
        }
        if (pacedLastTick) {
            jitter.record(now - lastPacedNanos - Pacer.PERIOD_NANOS);
        }
        lastPacedNanos = now;
        pacedLastTick = true;
    }

    /** The packet as it goes on the wire: SRTP when negotiated. Under the send lock. */
    private int protect(byte[] packet, int length) {
        SrtpSession session = srtp;
        return session == null ? length : session.protectRtp(packet, length);
    }

    private void send(ByteBuffer packet, InetSocketAddress target, int payloadLength) {
        try {
            if (ports.rtp().send(packet, target) == 0) {
                sendFailures++;
            } else {
                packetsSent++;
                octetsSent += payloadLength;
            }
        } catch (IOException e) {
            sendFailures++;
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, label + ": sending to " + target, e);
            }
        }
    }

    private InetSocketAddress target(NegotiatedAudio negotiated) {
        if (negotiated == null || !negotiated.sends() || closed) {
            return null;
        }
        return latch.target(negotiated.remoteRtp());
    }

    // ---- the receive thread's side ----

    /** A datagram on the RTP port. Receive thread only. */
    void onRtp(byte[] data, int length, InetSocketAddress source, long now, MediaEngine.ReceiveScratch scratch) {
        NegotiatedAudio negotiated = audio;
        SrtpSession session = srtp;
        if (session != null && negotiated != null) {
            if (latch.lockedElsewhere(source)) {
                // Before the crypto: a spray costs the node no MAC.
                foreign++;
                engine.foreignPacket(this, source, now);
                return;
            }
            length = session.unprotectRtp(data, length);
            if (length < 0) {
                rejected(length);
                return;
            }
        }
        RtpPacket packet = scratch.received;
        if (!packet.read(data, length)) {
            malformed++;
            return;
        }
        if (negotiated == null) {
            unexpected++;
            return;
        }
        if (latch.lockedElsewhere(source)) {
            // Before the payload type check: a spray counts as foreign whatever payload type it uses.
            foreign++;
            engine.foreignPacket(this, source, now);
            return;
        }
        int payloadType = packet.payloadType();
        boolean event = negotiated.hasTelephoneEvents() && payloadType == negotiated.telephoneEventPayloadType();
        if (!event && payloadType != negotiated.codecPayloadType()) {
            unexpected++;
            return;
        }
        PeerLatch.Verdict verdict = latch.admit(source, packet.ssrc(), packet.sequence(), now);
        if (verdict == PeerLatch.Verdict.LOCKED) {
            engine.peerLocked();
            LOG.fine(() -> label + ": RTP locked to " + source);
        } else if (verdict != PeerLatch.Verdict.ACCEPT) {
            if (verdict == PeerLatch.Verdict.FOREIGN) {
                foreign++;
                engine.foreignPacket(this, source, now);
            }
            return;
        }
        // Before the count: whoever sees the count sees this time.
        lastReceivedNanos = now;
        packetsReceived++;
        if (haveRemoteSsrc && packet.ssrc() != remoteSsrc) {
            ssrcChanges++;
            reorder.reset();
            dtmf.reset();
            haveHighest = false;
            haveTransit = false;
        }
        remoteSsrc = packet.ssrc();
        haveRemoteSsrc = true;
        trackHighest(packet.sequence());
        if (!event) {
            trackJitter(packet.timestamp(), now);
        }
        Bridge joined = bridge;
        if (joined != null) {
            joined.other(this).relay(packet, negotiated.codec(), event, now, scratch);
        }
        reorder.accept(packet.sequence(), data, length, now);
    }

    /** A packet of the bridged leg, sent on as ours. Receive thread only. */
    private void relay(RtpPacket packet, AudioCodec fromCodec, boolean event, long now, MediaEngine.ReceiveScratch scratch) {
        NegotiatedAudio negotiated = audio;
        InetSocketAddress target = target(negotiated);
        if (target == null || (event && !negotiated.hasTelephoneEvents())) {
            return;
        }
        int payloadType = event ? negotiated.telephoneEventPayloadType() : negotiated.codecPayloadType();
        int length = packet.payloadLength();
        byte[] out = scratch.relay;
        if (RtpPacket.HEADER_LENGTH + length + SrtpSuite.MAX_TAG_LENGTH > out.length) {
            return;
        }
        synchronized (sendLock) {
            boolean marker = packet.marker();
            if (!relayMapped || relaySource != packet.ssrc()) {
                long nextTimestamp = anySent ? timestamp + Math.max(FRAME_BYTES, (now - lastSentNanos) / NANOS_PER_SAMPLE) : timestamp;
                sequenceOffset = nextSequence - packet.sequence();
                timestampOffset = nextTimestamp - packet.timestamp();
                relaySource = packet.ssrc();
                relayMapped = true;
                marker = true;
            }
            int sequence = (packet.sequence() + sequenceOffset) & 0xFFFF;
            long stamp = (packet.timestamp() + timestampOffset) & TIMESTAMP_MASK;
            RtpPacket.write(out, 0, marker, payloadType, sequence, stamp, ssrc);
            if (event) {
                System.arraycopy(packet.data(), packet.payloadOffset(), out, RtpPacket.HEADER_LENGTH, length);
            } else {
                G711.transcode(packet.data(), packet.payloadOffset(), out, RtpPacket.HEADER_LENGTH, length, fromCodec, negotiated.codec());
            }
            if (!anySent || RtpPacket.sequenceAfter(sequence, (nextSequence - 1) & 0xFFFF)) {
                nextSequence = (sequence + 1) & 0xFFFF;
                timestamp = stamp;
            }
            markNext = false;
            anySent = true;
            lastSentNanos = now;
            scratch.relayBuffer.clear().limit(protect(out, RtpPacket.HEADER_LENGTH + length));
            send(scratch.relayBuffer, target, length);
        }
    }

    /** A packet leaving the reorder window, in sequence order. Receive thread only. */
    private void onOrdered(byte[] data, int length, long receivedNanos) {
        RtpPacket packet = engine.scratch().ordered;
        if (!packet.read(data, length)) {
            return;
        }
        NegotiatedAudio negotiated = audio;
        if (negotiated != null && negotiated.hasTelephoneEvents() && packet.payloadType() == negotiated.telephoneEventPayloadType()) {
            dtmf.onPacket(packet.timestamp(), data, packet.payloadOffset(), packet.payloadLength(), receivedNanos);
            return;
        }
        Bridge joined = bridge;
        MixingRoom.Seat mixed = seat;
        AudioListener hearing = listener;
        if (joined != null) {
            joined.tap(this, data, packet.payloadOffset(), packet.payloadLength(), packet.timestamp(), receivedNanos);
        } else if (mixed != null) {
            mixed.received(data, packet.payloadOffset(), packet.payloadLength(), law());
        } else if (hearing != null) {
            hearing.received(data, packet.payloadOffset(), packet.payloadLength(), packet.timestamp(), receivedNanos);
        }
    }

    private void trackHighest(int sequence) {
        if (!haveHighest) {
            haveHighest = true;
            highestSequence = sequence;
        } else if (RtpPacket.sequenceAfter(sequence, highestSequence)) {
            if (sequence < highestSequence) {
                sequenceCycles++;
            }
            highestSequence = sequence;
        }
    }

    /** RFC 3550 §6.4.1 / A.8: interarrival jitter in samples. */
    private void trackJitter(long rtpTimestamp, long now) {
        long transit = now / NANOS_PER_SAMPLE - rtpTimestamp;
        if (haveTransit) {
            int difference = Math.abs((int) (transit - lastTransit));
            jitterSamples += (difference - jitterSamples) / 16.0;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    /** A datagram on the RTCP port: SR and RR are counted. Receive thread only. */
    void onRtcp(byte[] data, int length, InetSocketAddress source, long now) {
        if (!rtcpFromPeer(source)) {
            foreign++;
            engine.foreignPacket(this, source, now);
            return;
        }
        SrtpSession session = srtp;
        if (session != null) {
            length = session.unprotectRtcp(data, length);
            if (length < 0) {
                rejected(length);
                return;
            }
        }
        int offset = 0;
        boolean valid = false;
        while (offset + 4 <= length) {
            if ((data[offset] & 0xC0) != 0x80) {
                malformed++;
                return;
            }
            int type = data[offset + 1] & 0xFF;
            int size = 4 * ((((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF)) + 1);
            if (offset + size > length) {
                malformed++;
                return;
            }
            if (type == 200) {
                senderReports++;
                if (size >= 28) {
                    lastSenderReportMiddle = RtpPacket.readInt(data, offset + 10) & TIMESTAMP_MASK;
                    lastSenderReportNanos = System.nanoTime();
                }
            } else if (type == 201) {
                receiverReports++;
            }
            valid = true;
            offset += size;
        }
        if (!valid) {
            malformed++;
        } else if (latchedRtcp == null) {
            latchedRtcp = source;
        }
    }

    /** A packet SRTP refused: counted by kind. Receive thread only. */
    private void rejected(int reason) {
        if (reason == SrtpSession.AUTHENTICATION_FAILED) {
            authenticationFailures++;
            engine.countSrtpRejected();
        } else if (reason == SrtpSession.REPLAYED) {
            replayed++;
            engine.countSrtpRejected();
        } else {
            malformed++;
        }
    }

    /**
     * RTCP only from the peer: its SDP RTCP address, or, for a peer that won the leg from behind NAT,
     * the address its RTP is locked to (any port: a NAT maps the RTCP port anywhere). The first
     * accepted source is where our reports go.
     */
    private boolean rtcpFromPeer(InetSocketAddress source) {
        InetSocketAddress first = latchedRtcp;
        if (first != null) {
            return first.equals(source);
        }
        NegotiatedAudio negotiated = audio;
        if (negotiated != null && source.equals(negotiated.remoteRtcp())) {
            return true;
        }
        PeerLatch.Lock lock = latch.locked();
        return lock != null && lock.how() == PeerLatch.How.NAT && lock.source().getAddress().equals(source.getAddress());
    }

    /** Gives up old gaps, ends DTMF events whose end was lost, sends RTCP when due. Receive thread only. */
    void housekeeping(long now, MediaEngine.ReceiveScratch scratch) {
        reorder.flush(now);
        dtmf.onTick(now);
        long interval = engine.config().rtcpInterval().toNanos();
        if (interval > 0 && now - nextReportNanos >= 0) {
            nextReportNanos = now + interval;
            sendReport(scratch);
        }
    }

    /** A compound RTCP packet (RFC 3550 §6.4): SR if we sent since the last report, else RR; one report block; SDES CNAME. */
    private void sendReport(MediaEngine.ReceiveScratch scratch) {
        NegotiatedAudio negotiated = audio;
        InetSocketAddress target = latchedRtcp != null ? latchedRtcp : negotiated == null ? null : negotiated.remoteRtcp();
        if (target == null || closed) {
            return;
        }
        byte[] out = scratch.report;
        boolean sender;
        long sent;
        long octets;
        long rtpTimestamp;
        synchronized (sendLock) {
            sent = packetsSent;
            octets = octetsSent;
            rtpTimestamp = timestamp;
            sender = sent != reportedSent;
        }
        reportedSent = sent;
        int blocks = haveRemoteSsrc ? 1 : 0;
        int offset = 0;
        if (sender) {
            offset = rtcpHeader(out, offset, blocks, 200, 6 + 6 * blocks);
            RtpPacket.writeInt(out, offset, ssrc);
            long millis = System.currentTimeMillis();
            RtpPacket.writeInt(out, offset + 4, (int) (millis / 1000 + NTP_EPOCH_OFFSET));
            RtpPacket.writeInt(out, offset + 8, (int) (((millis % 1000) << 32) / 1000));
            RtpPacket.writeInt(out, offset + 12, (int) rtpTimestamp);
            RtpPacket.writeInt(out, offset + 16, (int) sent);
            RtpPacket.writeInt(out, offset + 20, (int) octets);
            offset += 24;
        } else {
            offset = rtcpHeader(out, offset, blocks, 201, 1 + 6 * blocks);
            RtpPacket.writeInt(out, offset, ssrc);
            offset += 4;
        }
        if (blocks == 1) {
            long lost = reorder.lost();
            long received = packetsReceived;
            long lostNow = lost - reportedLost;
            long receivedNow = received - reportedReceived;
            reportedLost = lost;
            reportedReceived = received;
            int fraction = lostNow <= 0 ? 0 : (int) Math.min(255, lostNow * 256 / (lostNow + receivedNow));
            RtpPacket.writeInt(out, offset, remoteSsrc);
            RtpPacket.writeInt(out, offset + 4, (fraction << 24) | (int) Math.max(0, Math.min(0x7FFFFF, lost)));
            RtpPacket.writeInt(out, offset + 8, (sequenceCycles << 16) | highestSequence);
            RtpPacket.writeInt(out, offset + 12, (int) jitterSamples);
            RtpPacket.writeInt(out, offset + 16, (int) lastSenderReportMiddle);
            long delay = lastSenderReportNanos == 0 ? 0 : (System.nanoTime() - lastSenderReportNanos) * 65536 / 1_000_000_000L;
            RtpPacket.writeInt(out, offset + 20, lastSenderReportMiddle == 0 ? 0 : (int) delay);
            offset += 24;
        }
        int sdesLength = 4 + 2 + cname.length + 1;
        int sdesPadded = (sdesLength + 3) & ~3;
        offset = rtcpHeader(out, offset, 1, 202, sdesPadded / 4);
        RtpPacket.writeInt(out, offset, ssrc);
        out[offset + 4] = 1;
        out[offset + 5] = (byte) cname.length;
        System.arraycopy(cname, 0, out, offset + 6, cname.length);
        Arrays.fill(out, offset + 6 + cname.length, offset + sdesPadded, (byte) 0);
        offset += sdesPadded;
        SrtpSession session = srtp;
        if (session != null) {
            offset = session.protectRtcp(out, offset);
        }
        scratch.reportBuffer.clear().limit(offset);
        try {
            ports.rtcp().send(scratch.reportBuffer, target);
        } catch (IOException e) {
            LOG.log(Level.FINE, label + ": sending RTCP to " + target, e);
        }
    }

    private static int rtcpHeader(byte[] out, int offset, int count, int type, int lengthWords) {
        out[offset] = (byte) (0x80 | count);
        out[offset + 1] = (byte) type;
        out[offset + 2] = (byte) (lengthWords >> 8);
        out[offset + 3] = (byte) lengthWords;
        return offset + 4;
    }

    // ---- lifecycle ----

    RtpPorts.Pair ports() {
        return ports;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * How long the peer has sent nothing this leg took, at {@code nowNanos} ({@link System#nanoTime}):
     * empty before its first packet (a phone that never sent has not stopped), and while the
     * session says the peer does not send to us (held with {@code recvonly} or {@code inactive}).
     */
    public Optional<Duration> silentFor(long nowNanos) {
        NegotiatedAudio negotiated = audio;
        if (packetsReceived == 0 || closed || negotiated == null || !negotiated.direction().receives()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, nowNanos - lastReceivedNanos)));
    }

    /** The figures so far (approximate while the leg runs). */
    public LegStats stats() {
        return new LegStats(label, localPort(), packetsSent, octetsSent, packetsReceived, reorder.lost(), reorder.late(),
                reorder.duplicates(), malformed + dtmf.malformed(), unexpected, foreign, ssrcChanges, jitterSamples / 8.0,
                senderReports, receiverReports, digits.get(), sendFailures, authenticationFailures, replayed);
    }

    /**
     * Ends the leg: leaves its bridge, stops playing, frees its ports (on the receive thread, shortly)
     * and logs its figures. Idempotent.
     *
     * @return the leg's figures at its close
     */
    public LegStats close() {
        synchronized (negotiation) {
            if (closed) {
                return stats();
            }
            closed = true;
        }
        Bridge joined = bridge;
        if (joined != null) {
            joined.unbridge();
        }
        MixingRoom mixing = room;
        if (mixing != null) {
            mixing.leave(this);
        }
        playback.set(null);
        engine.closed(this, ports);
        LegStats stats = stats();
        // Every call closes two or more legs: a clean leg's figures are for the curious (FINE); a
        // leg that lost, dropped or could not send packets is worth an operator's look.
        boolean troubled = stats.lost() > 0 || stats.malformed() > 0 || stats.sendFailures() > 0 || stats.foreign() > 0
                || stats.authenticationFailures() > 0 || stats.replayed() > 0;
        LOG.log(troubled ? Level.INFO : Level.FINE, () -> label + ": media closed " + stats);
        return stats;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(label + " is closed");
        }
    }

    private static byte[] silence(AudioCodec codec) {
        byte[] frame = new byte[FRAME_BYTES];
        Arrays.fill(frame, codec.silence());
        return frame;
    }

    String callId() {
        return callId;
    }

    String tenant() {
        return tenant;
    }

    @Override
    public String toString() {
        return label + " :" + localPort();
    }
}
