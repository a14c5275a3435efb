package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.callflow.FlowAction;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.telephony.media.VoicemailRecording;
import io.verbund.acd.telephony.recording.StorageRecordingSink;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The voicemail node: the greeting and the tone in early media, then the node answers — the
 * caller pays from the moment a message is recorded — and streams the caller's audio into a mono
 * G.711 WAV in storage-service (category voicemail, named after the call) until the maximum
 * length, the caller's hang-up or a key.
 */
@ApplicationScoped
public class Voicemails {

    private static final Logger LOG = Logger.getLogger(Voicemails.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final CallerMedia media;
    private final CallerSignalling signalling;
    private final StorageClient storage;
    private final CallHistory history;
    private final Clock clock;

    @Inject
    public Voicemails(CallerMedia media, CallerSignalling signalling, StorageClient storage, CallHistory history, Clock clock) {
        this.clock = clock;
        this.media = media;
        this.signalling = signalling;
        this.storage = storage;
        this.history = history;
    }

    protected Voicemails() {
        this(null, null, null, null, null);
    }

    /** Called under the call's monitor; {@code recorded} runs once the message is complete. */
    void record(AcdCall call, FlowAction.RecordVoicemail voicemail, Runnable recorded) {
        if (!media.hasMedia(call)) {
            // Nothing can be recorded from a caller without media before it is answered.
            recorded.run();
            return;
        }
        int turn = call.flowTurn;
        List<String> greeting = new ArrayList<>();
        voicemail.greeting().ifPresent(greeting::add);
        greeting.add("beep");
        media.play(call, greeting, () -> executor.execute(() -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    if (call.flowTurn == turn && call.state.is(CallPhase.ROUTING)) {
                        start(call, voicemail, recorded);
                    }
                }
            }
        }));
    }

    private void start(AcdCall call, FlowAction.RecordVoicemail voicemail, Runnable recorded) {
        String file = call.storageName();
        AudioCodec codec = call.callerLaw();
        VoicemailRecording message = new VoicemailRecording(codec, System.nanoTime(), voicemail.maxLength(),
                new StorageRecordingSink(storage, call.tenant, FileCategory.VOICEMAIL, file), executor, recorded);
        // Listening before the answer: the caller starts speaking the moment it has the 200.
        call.callerMedia.listen(message::fromCaller);
        // A caller answered on queue has its 200 already.
        if (!call.callerAnswered() && !signalling.answer(call, call.callerSdp)) {
            call.callerMedia.listen(null);
            message.abort();
            recorded.run();
            return;
        }
        call.answeredByNode = true;
        call.state.voicemailStarted();
        call.voicemailFile = file;
        call.voicemail = message;
        String node = call.flow.currentNode().map(current -> current.id()).orElse(null);
        history.voicemailStarted(call, file, node, clock.instant());
        // A caller who says nothing still reaches the maximum: the recording only counts packets.
        call.flowTimer = scheduler.schedule(() -> {
            message.close();
            recorded.run();
        }, voicemail.maxLength().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "recording voicemail " + file);
    }

    /** The caller hung up or the call ends otherwise: what was said is kept. */
    void finish(AcdCall call) {
        if (call.voicemail != null) {
            if (call.callerMedia != null) {
                call.callerMedia.listen(null);
            }
            call.voicemail.close();
            call.voicemail = null;
        }
    }

}
