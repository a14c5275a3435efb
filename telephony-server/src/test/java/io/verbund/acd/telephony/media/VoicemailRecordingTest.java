package io.verbund.acd.telephony.media;

import static io.verbund.acd.telephony.media.Stream.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.Wav;
import io.verbund.acd.audio.WavFormat;
import io.verbund.acd.audio.WavHeader;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VoicemailRecordingTest {

    private static final Executor NOW = Runnable::run;

    private final MemorySink sink = new MemorySink();
    private final AtomicInteger maxReached = new AtomicInteger();

    @Test
    void cutsTheMessageAtItsMaximumAndSaysSoOnce() {
        Stream caller = new Stream(150, 4242, 0, 20);
        VoicemailRecording voicemail = new VoicemailRecording(AudioCodec.PCMU, 0, Duration.ofSeconds(2), sink, NOW,
                maxReached::incrementAndGet);

        caller.packets.forEach(p -> send(voicemail, p));

        Wav wav = Wav.read(sink.file());
        assertThat(wav.format()).isEqualTo(WavFormat.g711(AudioCodec.PCMU, 1));
        assertThat(wav.channel(0)).isEqualTo(caller.bytes(0, 100));
        assertThat(maxReached).hasValue(1);
        assertThat(sink.calls).endsWith("finish 16000");
        assertThat(voicemail.completion().toCompletableFuture().join()).isEqualTo(16_000L);
    }

    @Test
    void reachesItsMaximumWhenTheCallerSaysNothing() {
        VoicemailRecording voicemail = new VoicemailRecording(AudioCodec.PCMA, 0, Duration.ofSeconds(3), sink, NOW,
                maxReached::incrementAndGet);

        voicemail.tick(2999 * MS);
        assertThat(maxReached).hasValue(0);
        voicemail.tick(3000 * MS);
        voicemail.tick(3020 * MS);

        assertThat(maxReached).hasValue(1);
        assertThat(Wav.read(sink.file()).channel(0)).hasSize(24_000).containsOnly(AudioCodec.PCMA.silence());
    }

    @Test
    void keepsAShortMessageAsSpokenWithItsLeadingPause() {
        Stream caller = new Stream(30, 0, 500, 21);
        VoicemailRecording voicemail = new VoicemailRecording(AudioCodec.PCMU, 0, Duration.ofSeconds(60), sink, NOW,
                maxReached::incrementAndGet);

        caller.packets.forEach(p -> send(voicemail, p));
        voicemail.close();

        byte[] samples = Wav.read(sink.file()).channel(0);
        assertThat(Arrays.copyOfRange(samples, 0, 4000)).containsOnly(AudioCodec.PCMU.silence());
        assertThat(Arrays.copyOfRange(samples, 4000, samples.length)).isEqualTo(caller.bytes(0, 30));
        assertThat(maxReached).hasValue(0);
    }

    @Test
    void padsAnOddLengthAsRiffRequiresWithoutCountingThePad() {
        VoicemailRecording voicemail = new VoicemailRecording(AudioCodec.PCMU, 0, Duration.ofSeconds(60), sink, NOW,
                maxReached::incrementAndGet);

        voicemail.fromCaller(new byte[] {1, 2, 3}, 0, 3, 0, 0);
        voicemail.close();

        assertThat(sink.calls).containsExactly("start 58", "append 58 3", "append 61 1", "finish 3");
        assertThat(sink.file()).hasSize(WavHeader.LENGTH + 4);
        assertThat(Wav.read(sink.file()).channel(0)).containsExactly(1, 2, 3);
    }

    private static void send(VoicemailRecording voicemail, Stream.Packet packet) {
        voicemail.fromCaller(packet.payload(), 0, packet.payload().length, packet.timestamp(),
                packet.receivedNanos());
    }
}
