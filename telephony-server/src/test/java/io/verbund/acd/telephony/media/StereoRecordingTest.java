package io.verbund.acd.telephony.media;

import static io.verbund.acd.telephony.media.Stream.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.Wav;
import io.verbund.acd.audio.WavFormat;
import io.verbund.acd.audio.WavHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StereoRecordingTest {

    private static final Executor NOW = Runnable::run;
    private static final byte SILENCE = AudioCodec.PCMU.silence();

    private final MemorySink sink = new MemorySink();

    @Test
    void keepsEachSidesPayloadBitExactOnOneTimeline() {
        Stream caller = new Stream(100, 12_345, 0, 1);
        Stream agent = new Stream(100, 987_654_321, 1000, 2);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);

        for (int i = 0; i < 100; i++) {
            sendCaller(recording, caller.get(i));
            sendAgent(recording, agent.get(i));
        }
        recording.close();

        Wav wav = Wav.read(sink.file());
        assertThat(wav.format()).isEqualTo(WavFormat.g711(AudioCodec.PCMU, 2));
        assertThat(wav.truncated()).isFalse();
        // The agent's first packet arrived 1 s (8000 samples) after the start; the caller talked 2 s.
        assertThat(wav.sampleFrames()).isEqualTo(8000 + 16_000);
        assertThat(Arrays.copyOfRange(wav.channel(0), 0, 16_000)).isEqualTo(caller.bytes(0, 100));
        assertThat(Arrays.copyOfRange(wav.channel(0), 16_000, 24_000)).containsOnly(SILENCE);
        assertThat(Arrays.copyOfRange(wav.channel(1), 0, 8000)).containsOnly(SILENCE);
        assertThat(Arrays.copyOfRange(wav.channel(1), 8000, 24_000)).isEqualTo(agent.bytes(0, 100));
        assertThat(recording.callerCounters()).isEqualTo(new DirectionCounters(100, 0, 0, 0, 0));
    }

    @Test
    void putsReorderedPacketsBackInPlaceAndDropsDuplicates() {
        Stream caller = new Stream(100, 0, 0, 3);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);

        for (int i = 0; i < 100; i++) {
            int index = i == 40 ? 41 : i == 41 ? 40 : i; // 41 overtakes 40
            sendCaller(recording, caller.get(index));
            if (i == 60) {
                sendCaller(recording, caller.get(55)); // a duplicate, late but within the window
            }
        }
        recording.close();

        assertThat(Wav.read(sink.file()).channel(0)).isEqualTo(caller.bytes(0, 100));
        assertThat(recording.callerCounters()).isEqualTo(new DirectionCounters(100, 1, 0, 0, 0));
    }

    @Test
    void reorderingOfTheFirstPacketStillPlacesItBeforeTheSecond() {
        Stream caller = new Stream(50, 5000, 100, 4);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);

        sendCaller(recording, caller.get(1));
        sendCaller(recording, caller.get(0));
        for (int i = 2; i < 50; i++) {
            sendCaller(recording, caller.get(i));
        }
        recording.close();

        // Packet 1 anchored the side at its receive time, 120 ms = 960 samples; packet 0 lands before it.
        byte[] left = Wav.read(sink.file()).channel(0);
        assertThat(Arrays.copyOfRange(left, 0, 800)).containsOnly(SILENCE);
        assertThat(Arrays.copyOfRange(left, 800, 800 + 8000)).isEqualTo(caller.bytes(0, 50));
    }

    @Test
    void fillsALostPacketWithSilenceAndKeepsWhatFollowsInPlace() {
        Stream caller = new Stream(100, 0, 0, 5);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMA, 0, sink, NOW);

        caller.packets.stream().filter(packet -> packet != caller.get(30)).forEach(p -> sendCaller(recording, p));
        recording.close();

        byte[] left = Wav.read(sink.file()).channel(0);
        assertThat(Arrays.copyOfRange(left, 0, 4800)).isEqualTo(caller.bytes(0, 30));
        assertThat(Arrays.copyOfRange(left, 4800, 4960)).containsOnly(AudioCodec.PCMA.silence());
        assertThat(Arrays.copyOfRange(left, 4960, 16_000)).isEqualTo(caller.bytes(31, 100));
        assertThat(Wav.read(sink.file()).channel(1)).containsOnly(AudioCodec.PCMA.silence());
    }

    @Test
    void followsTheTimestampAcrossItsWrap() {
        Stream caller = new Stream(100, 0xFFFFFFFFL - 160 * 50 + 1, 0, 6);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);

        for (int i = 0; i < 100; i++) {
            sendCaller(recording, caller.get(i == 50 ? 51 : i == 51 ? 50 : i)); // reordered across the wrap too
        }
        recording.close();

        assertThat(caller.get(50).timestamp()).isLessThan(caller.get(49).timestamp());
        assertThat(Wav.read(sink.file()).channel(0)).isEqualTo(caller.bytes(0, 100));
    }

    @Test
    void dropsAndCountsAPacketOlderThanWhatWasWrittenOut() {
        Stream caller = new Stream(200, 0, 0, 7);
        RecordingTiming tight = new RecordingTiming(Duration.ofMillis(100), Duration.ofMillis(200));
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW, tight);

        for (int i = 0; i < 200; i++) {
            if (i != 10) {
                sendCaller(recording, caller.get(i));
            }
        }
        sendCaller(recording, caller.get(10)); // 3.8 s late
        recording.close();

        byte[] left = Wav.read(sink.file()).channel(0);
        assertThat(Arrays.copyOfRange(left, 1600, 1760)).containsOnly(SILENCE);
        assertThat(Arrays.copyOfRange(left, 1760, 32_000)).isEqualTo(caller.bytes(11, 200));
        assertThat(recording.callerCounters().late()).isEqualTo(1);
        assertThat(recording.callerCounters().taken()).isEqualTo(199);
    }

    @Test
    void anchorsAStreamAnewWhenItsTimestampsJumpAwayFromTheClock() {
        Stream before = new Stream(50, 1000, 0, 8);
        Stream after = new Stream(50, 3_000_000_000L, 1000, 9); // a new SSRC after a re-INVITE
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);

        before.packets.forEach(p -> sendCaller(recording, p));
        after.packets.forEach(p -> sendCaller(recording, p));
        recording.close();

        byte[] left = Wav.read(sink.file()).channel(0);
        assertThat(left).hasSize(16_000);
        assertThat(Arrays.copyOfRange(left, 0, 8000)).isEqualTo(before.bytes(0, 50));
        assertThat(Arrays.copyOfRange(left, 8000, 16_000)).isEqualTo(after.bytes(0, 50));
        assertThat(recording.callerCounters().resyncs()).isEqualTo(1);
    }

    @Test
    void recordsSixteenThousandBytesASecondFiftySevenPointSixMegabytesAnHour() {
        AtomicLong appended = new AtomicLong();
        long[] finished = new long[1];
        RecordingSink counting = new RecordingSink() {
            @Override
            public void start(byte[] header) {
            }

            @Override
            public void append(long offset, byte[] data, int off, int len) {
                assertThat(offset).isEqualTo(WavHeader.LENGTH + appended.get());
                appended.addAndGet(len);
            }

            @Override
            public void finish(byte[] finalHeader, long dataLength) {
                finished[0] = dataLength;
            }

            @Override
            public void abort() {
            }
        };
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, counting, NOW);
        byte[] payload = new byte[160];

        int packetsAnHour = 3600 * 50;
        for (int i = 0; i < packetsAnHour; i++) {
            recording.fromCaller(payload, 0, 160, 160L * i, 20L * i * MS);
            recording.fromAgent(payload, 0, 160, 7L + 160L * i, (20L * i + i % 3) * MS); // jitter after the first
        }
        recording.close();

        assertThat(finished[0]).isEqualTo(appended.get()).isEqualTo(57_600_000L);
        assertThat(finished[0] / 3600).isEqualTo(16_000);
    }

    @Test
    void streamsChunksInOrderWhileTheCallRunsAndRewritesTheHeaderLast() {
        Stream caller = new Stream(250, 0, 0, 10);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);

        caller.packets.forEach(p -> sendCaller(recording, p));
        List<String> whileTalking = List.copyOf(sink.calls);
        recording.close();

        // 5 s of audio, 1 s held back for late packets: 4 one-second chunks are out before the hang-up.
        assertThat(whileTalking).containsExactly("start 58", "append 58 16000", "append 16058 16000",
                "append 32058 16000", "append 48058 16000");
        assertThat(sink.calls).endsWith("append 64058 16000", "finish 80000");
        assertThat(Arrays.copyOf(sink.file(), WavHeader.LENGTH))
                .isEqualTo(WavHeader.complete(AudioCodec.PCMU, 2, 80_000));
        assertThat(recording.completion().toCompletableFuture().join()).isEqualTo(80_000L);
    }

    @Test
    void neverCallsTheSinkOnTheThreadThatDeliversPackets() {
        ManualExecutor writer = new ManualExecutor();
        Stream caller = new Stream(250, 0, 0, 11);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, writer);

        caller.packets.forEach(p -> sendCaller(recording, p));
        recording.close();

        assertThat(sink.calls).isEmpty();
        writer.runAll();
        assertThat(sink.calls).startsWith("start 58").endsWith("finish 80000");
        assertThat(Wav.read(sink.file()).channel(0)).isEqualTo(caller.bytes(0, 250));
    }

    @Test
    void abortsTheSinkOnceItFailsAndReportsTheFailure() {
        MemorySink failing = new MemorySink().failingAtAppend(2);
        Stream caller = new Stream(250, 0, 0, 12);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, failing, NOW);

        caller.packets.forEach(p -> sendCaller(recording, p));
        recording.close();

        assertThat(failing.calls).containsExactly("start 58", "append 58 16000", "abort");
        assertThat(recording.completion().toCompletableFuture()).isCompletedExceptionally();
        assertThatCause(recording).isInstanceOf(RecordingAborted.class).hasRootCauseMessage("storage service gone");
    }

    @Test
    void abandonedRecordingIsDiscardedAndIgnoresWhatFollows() {
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, sink, NOW);
        new Stream(10, 0, 0, 13).packets.forEach(p -> sendCaller(recording, p));

        recording.abort();
        recording.close();
        sendCaller(recording, new Stream(1, 0, 0, 14).get(0));

        assertThat(sink.calls).containsExactly("start 58", "abort");
        assertThatCause(recording).isInstanceOf(RecordingAborted.class);
    }

    @Test
    void writesAPlayableFileThatReadsBackWithItsFinalSizes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("call.wav");
        Stream caller = new Stream(120, 0, 0, 15);
        Stream agent = new Stream(120, 0, 0, 16);
        StereoRecording recording = new StereoRecording(AudioCodec.PCMA, 0, new FileRecordingSink(file), NOW);

        for (int i = 0; i < 120; i++) {
            sendCaller(recording, caller.get(i));
            if (i == 60) {
                assertThat(Wav.read(Files.readAllBytes(file)).truncated()).isTrue(); // readable mid-call
            }
            sendAgent(recording, agent.get(i));
        }
        recording.close();

        byte[] bytes = Files.readAllBytes(file);
        Wav wav = Wav.read(bytes);
        assertThat(bytes).hasSize(WavHeader.LENGTH + 2 * 19_200);
        assertThat(wav.truncated()).isFalse();
        assertThat(wav.channel(0)).isEqualTo(caller.bytes(0, 120));
        assertThat(wav.channel(1)).isEqualTo(agent.bytes(0, 120));
    }

    @Test
    void fileSinkDeletesAnAbandonedRecording(@TempDir Path dir) {
        Path file = dir.resolve("call.wav");
        StereoRecording recording = new StereoRecording(AudioCodec.PCMU, 0, new FileRecordingSink(file), NOW);
        new Stream(100, 0, 0, 17).packets.forEach(p -> sendCaller(recording, p));

        recording.abort();

        assertThat(file).doesNotExist();
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatCause(
            StereoRecording recording) {
        try {
            recording.completion().toCompletableFuture().join();
            throw new AssertionError("the recording completed");
        } catch (CompletionException e) {
            return assertThat(e.getCause());
        }
    }

    private static void sendCaller(StereoRecording recording, Stream.Packet packet) {
        recording.fromCaller(packet.payload(), 0, packet.payload().length, packet.timestamp(), packet.receivedNanos());
    }

    private static void sendAgent(StereoRecording recording, Stream.Packet packet) {
        recording.fromAgent(packet.payload(), 0, packet.payload().length, packet.timestamp(), packet.receivedNanos());
    }
}
