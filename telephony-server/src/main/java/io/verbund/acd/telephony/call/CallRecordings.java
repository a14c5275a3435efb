package io.verbund.acd.telephony.call;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.telephony.media.BridgeTap;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.media.StereoRecording;
import io.verbund.acd.telephony.recording.StorageRecordingSink;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Connects a caller with the agent who answered: the two RTP legs are bridged on this node, and
 * where the group records, the bridge's tap streams both directions into a two-channel G.711 WAV
 * in storage-service (caller left, agent right), named like the call's voicemail would be. After a
 * transfer the new leg gets a recording of its own, the name with {@code -transfer<n>} before
 * {@code .wav}: each file holds one conversation, and the call's events name every file. A call the
 * flow transferred before any queue has no group and is not recorded. The recording belongs to the
 * call, not to a bridge: putting the caller on hold ends the bridge but not the file (the hold is a
 * gap of silence in both channels, nothing of the music or the agent's room is recorded), resuming
 * bridges the legs again into the same file.
 */
@ApplicationScoped
public class CallRecordings {

    private static final Logger LOG = Logger.getLogger(CallRecordings.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final NodeMedia node;
    private final StorageClient storage;
    private final CallHistory history;

    @Inject
    public CallRecordings(NodeMedia node, StorageClient storage, CallHistory history) {
        this.node = node;
        this.storage = storage;
        this.history = history;
    }

    protected CallRecordings() {
        this(null, null, null);
    }

    /** Called under the call's monitor once both legs have media; after a transfer, once the call counts it. */
    void bridge(AcdCall call, Instant now) {
        BridgeTap tap = null;
        if (call.group != null && call.group.recording()) {
            String file = fileName(call);
            AudioCodec law = call.callerLaw();
            call.recording = new StereoRecording(law, System.nanoTime(),
                    new StorageRecordingSink(storage, call.tenant, FileCategory.RECORDINGS, file), executor);
            history.recordingStarted(call, file, now);
            tap = call.recording;
            LOG.info(() -> "recording to " + file);
        }
        call.bridge = node.engine().bridge(call.callerMedia, call.agentMedia, tap == null ? null : new CallTap(tap));
    }

    /** The caller goes on hold: the legs stop hearing each other, the call keeps its recording. Under the call's monitor. */
    void unbridge(AcdCall call) {
        if (call.bridge != null) {
            call.bridge.unbridge();
            call.bridge = null;
        }
    }

    /** The caller is back from hold: the same legs bridged again, into the same recording. Under the call's monitor. */
    void rebridge(AcdCall call) {
        call.bridge = node.engine().bridge(call.callerMedia, call.agentMedia, call.recording == null ? null : new CallTap(call.recording));
    }

    /** The conversation recorded so far is over (a transfer connects the caller with someone else): the file is finished. */
    void finish(AcdCall call) {
        unbridge(call);
        if (call.recording != null) {
            call.recording.close();
            call.recording = null;
        }
    }

    /**
     * A bridge's view of the call's recording: everything the bridge relays goes into it, but the
     * bridge's end (hold) does not finish it; the call does ({@link #finish}, {@link CallerMedia#close}).
     */
    private record CallTap(BridgeTap recording) implements BridgeTap {

        @Override
        public void fromCaller(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
            recording.fromCaller(payload, offset, length, rtpTimestamp, receivedNanos);
        }

        @Override
        public void fromAgent(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
            recording.fromAgent(payload, offset, length, rtpTimestamp, receivedNanos);
        }

        @Override
        public void close() {
            // The call's, not the bridge's to finish.
        }
    }

    /**
     * The call's recording file; after the n-th transfer with {@code -transfer<n>} before the
     * extension, after the n-th takeover by another node with {@code -takeover<n>} (the departed
     * node's file ends where it died).
     */
    static String fileName(AcdCall call) {
        String first = call.storageName();
        int transfers = call.state.transfersConnected();
        String stem = first.substring(0, first.length() - ".wav".length());
        return stem + (transfers == 0 ? "" : "-transfer" + transfers) + (call.takeovers == 0 ? "" : "-takeover" + call.takeovers) + ".wav";
    }
}
