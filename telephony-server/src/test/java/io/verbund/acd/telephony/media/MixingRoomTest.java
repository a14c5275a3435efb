package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mix itself, tick by tick without the pacer: known frames in, and out exactly what G.711 gives
 * for the clipped sum of what each listener hears; a whisper never in the caller's mix.
 */
class MixingRoomTest {

    private static final int FRAME = AudioCodec.SAMPLES_PER_FRAME;
    private MediaEngine engine;
    private final List<Phone> phones = new ArrayList<>();

    @BeforeEach
    void startEngine() {
        int base = TestPorts.base();
        engine = new MediaEngine(MediaConfig.defaults(InetAddress.getLoopbackAddress()).withPorts(base, base + 199));
        engine.start();
    }

    @AfterEach
    void stopEngine() {
        engine.stop();
        phones.forEach(Phone::close);
    }

    /** A room the pacer does not know: the test ticks it. */
    private MixingRoom room(BridgeTap tap) {
        return new MixingRoom(engine, "test room", tap);
    }

    private RtpLeg leg(String name, String format) {
        Phone phone = new Phone();
        phones.add(phone);
        RtpLeg leg = engine.openLeg(name);
        leg.answer(phone.sdp(format));
        return leg;
    }

    /** A 20 ms sine in µ-law or A-law. */
    private static byte[] tone(double hertz, int amplitude, AudioCodec law) {
        short[] linear = new short[FRAME];
        for (int i = 0; i < FRAME; i++) {
            linear[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / AudioCodec.SAMPLE_RATE));
        }
        byte[] encoded = new byte[FRAME];
        G711.encode(linear, 0, encoded, 0, FRAME, law);
        return encoded;
    }

    /** What a listener in {@code law} must get: its speakers decoded, summed, clipped, encoded. */
    private static byte[] expectedMix(AudioCodec law, AudioCodec[] laws, byte[]... frames) {
        byte[] out = new byte[FRAME];
        for (int i = 0; i < FRAME; i++) {
            int sum = 0;
            for (int f = 0; f < frames.length; f++) {
                sum += G711.decode(frames[f][i], laws[f]);
            }
            short clipped = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
            out[i] = law == AudioCodec.PCMU ? G711.linearToUlaw(clipped) : G711.linearToAlaw(clipped);
        }
        return out;
    }

    private static byte[] silence(AudioCodec law) {
        byte[] frame = new byte[FRAME];
        Arrays.fill(frame, law == AudioCodec.PCMU ? G711.linearToUlaw((short) 0) : G711.linearToAlaw((short) 0));
        return frame;
    }

    private static void say(MixingRoom.Seat seat, byte[] frame, AudioCodec law) {
        seat.received(frame, 0, frame.length, law);
    }

    @Test
    void inAConferenceEachHearsTheSumOfTheOthersButNeverItself() {
        MixingRoom room = room(null);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        MixingRoom.Seat third = room.join(leg("third", "0"));
        room.everyoneHearsEveryone();
        byte[] a = tone(440, 6000, AudioCodec.PCMU);
        byte[] b = tone(1000, 5000, AudioCodec.PCMU);
        byte[] c = tone(1700, 4000, AudioCodec.PCMU);
        say(caller, a, AudioCodec.PCMU);
        say(agent, b, AudioCodec.PCMU);
        say(third, c, AudioCodec.PCMU);

        room.pullAndMix(room.seats());

        AudioCodec[] two = {AudioCodec.PCMU, AudioCodec.PCMU};
        assertThat(caller.heard()).containsExactly(expectedMix(AudioCodec.PCMU, two, b, c));
        assertThat(agent.heard()).containsExactly(expectedMix(AudioCodec.PCMU, two, a, c));
        assertThat(third.heard()).containsExactly(expectedMix(AudioCodec.PCMU, two, a, b));
    }

    @Test
    void aWhisperReachesTheAgentAndNeverTheCaller() {
        MixingRoom room = room(null);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        MixingRoom.Seat supervisor = room.join(leg("supervisor", "0"));
        room.hears(caller, agent);
        room.hears(agent, caller, supervisor);
        room.hears(supervisor, caller, agent);
        byte[] callerSays = tone(440, 6000, AudioCodec.PCMU);
        byte[] agentSays = tone(1000, 5000, AudioCodec.PCMU);
        byte[] whisper = tone(2500, 7000, AudioCodec.PCMU);
        for (int tick = 0; tick < 5; tick++) {
            say(caller, callerSays, AudioCodec.PCMU);
            say(agent, agentSays, AudioCodec.PCMU);
            say(supervisor, whisper, AudioCodec.PCMU);
            room.pullAndMix(room.seats());

            AudioCodec[] two = {AudioCodec.PCMU, AudioCodec.PCMU};
            assertThat(caller.heard()).as("the caller hears the agent only").containsExactly(agentSays);
            assertThat(agent.heard()).containsExactly(expectedMix(AudioCodec.PCMU, two, callerSays, whisper));
            assertThat(supervisor.heard()).containsExactly(expectedMix(AudioCodec.PCMU, two, callerSays, agentSays));
        }
    }

    @Test
    void aListeningSupervisorHearsBothAndNobodyHearsIt() {
        MixingRoom room = room(null);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        MixingRoom.Seat supervisor = room.join(leg("supervisor", "0"), caller, agent);
        room.hears(caller, agent);
        room.hears(agent, caller);
        byte[] callerSays = tone(440, 6000, AudioCodec.PCMU);
        byte[] agentSays = tone(1000, 5000, AudioCodec.PCMU);
        say(caller, callerSays, AudioCodec.PCMU);
        say(agent, agentSays, AudioCodec.PCMU);
        say(supervisor, tone(2500, 7000, AudioCodec.PCMU), AudioCodec.PCMU);

        room.pullAndMix(room.seats());

        assertThat(caller.heard()).containsExactly(agentSays);
        assertThat(agent.heard()).containsExactly(callerSays);
        assertThat(supervisor.heard()).containsExactly(expectedMix(AudioCodec.PCMU,
                new AudioCodec[]{AudioCodec.PCMU, AudioCodec.PCMU}, callerSays, agentSays));
    }

    @Test
    void eachListenerGetsItsOwnLawAndLoudSumsAreClipped() {
        MixingRoom room = room(null);
        MixingRoom.Seat ulaw = room.join(leg("µ-law phone", "0"));
        MixingRoom.Seat alaw = room.join(leg("A-law phone", "8"));
        MixingRoom.Seat third = room.join(leg("third", "0"));
        room.everyoneHearsEveryone();
        byte[] loudU = new byte[FRAME];
        Arrays.fill(loudU, G711.linearToUlaw((short) 30000));
        byte[] loudA = new byte[FRAME];
        Arrays.fill(loudA, G711.linearToAlaw((short) 30000));
        say(ulaw, loudU, AudioCodec.PCMU);
        say(alaw, loudA, AudioCodec.PCMA);
        say(third, loudU, AudioCodec.PCMU);

        room.pullAndMix(room.seats());

        byte clippedU = G711.linearToUlaw(Short.MAX_VALUE);
        byte clippedA = G711.linearToAlaw(Short.MAX_VALUE);
        assertThat(third.heard()).as("30000 + 30000 clipped, in µ-law").containsOnly(clippedU);
        assertThat(alaw.heard()).as("in A-law").containsOnly(clippedA);
        assertThat(ulaw.heard()).containsOnly(clippedU);
    }

    @Test
    void aSeatThatSentNothingIsSilenceAndALateBurstPlaysOnlyTheNewestFrames() {
        MixingRoom room = room(null);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        room.everyoneHearsEveryone();

        room.pullAndMix(room.seats());
        assertThat(agent.heard()).containsExactly(silence(AudioCodec.PCMU));
        assertThat(caller.underruns()).isEqualTo(1);

        byte[][] burst = new byte[MixingRoom.PLAYOUT_FRAMES + 2][];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = tone(300 + 200 * i, 5000, AudioCodec.PCMU);
            say(caller, burst[i], AudioCodec.PCMU);
        }
        for (int i = burst.length - MixingRoom.PLAYOUT_FRAMES; i < burst.length; i++) {
            room.pullAndMix(room.seats());
            assertThat(agent.heard()).as("frame %d of the burst", i).containsExactly(burst[i]);
        }
        room.pullAndMix(room.seats());
        assertThat(agent.heard()).containsExactly(silence(AudioCodec.PCMU));
    }

    @Test
    void aFullQueueDropsWhatComesOnTopInsteadOfOverwritingWhatIsPlayed() {
        MixingRoom room = room(null);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        room.join(leg("agent", "0"), caller);
        for (int i = 0; i < MixingRoom.QUEUE_FRAMES + 3; i++) {
            say(caller, tone(440, 5000, AudioCodec.PCMU), AudioCodec.PCMU);
        }
        assertThat(caller.overflows()).isEqualTo(3);
    }

    @Test
    void theRecordingKeepsWhatTheCallerSaidAndWhatItHeardAndNoWhisper() {
        RecordingTap tap = new RecordingTap();
        MixingRoom room = room(tap);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        MixingRoom.Seat supervisor = room.join(leg("supervisor", "0"));
        room.hears(caller, agent);
        room.hears(agent, caller, supervisor);
        room.hears(supervisor, caller, agent);
        room.recordAs(caller);
        byte[] callerSays = tone(440, 6000, AudioCodec.PCMU);
        byte[] agentSays = tone(1000, 5000, AudioCodec.PCMU);
        say(caller, callerSays, AudioCodec.PCMU);
        say(agent, agentSays, AudioCodec.PCMU);
        say(supervisor, tone(2500, 7000, AudioCodec.PCMU), AudioCodec.PCMU);

        room.tick(new SendJitter());

        assertThat(tap.caller).containsExactly(callerSays);
        assertThat(tap.heard).as("the caller's channel of what it heard: the agent, no whisper").containsExactly(agentSays);
        long first = tap.timestamp;
        room.tick(new SendJitter());
        assertThat(tap.timestamp - first).as("a frame a tick, without gaps or overlaps").isEqualTo(FRAME);
    }

    @Test
    void aLegLeavesByClosingAndTheOthersStopHearingIt() {
        MixingRoom room = room(null);
        RtpLeg thirdLeg = leg("third", "0");
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        MixingRoom.Seat third = room.join(thirdLeg);
        room.everyoneHearsEveryone();
        thirdLeg.close();
        assertThat(room.size()).isEqualTo(2);
        assertThat(thirdLeg.isMixed()).isFalse();
        byte[] agentSays = tone(1000, 5000, AudioCodec.PCMU);
        say(agent, agentSays, AudioCodec.PCMU);
        say(third, tone(2500, 7000, AudioCodec.PCMU), AudioCodec.PCMU);
        room.pullAndMix(room.seats());
        assertThat(caller.heard()).containsExactly(agentSays);
    }

    @Test
    void aBridgedLegCannotJoinAndAMixedLegCannotBeBridgedOrPlay() {
        MixingRoom room = room(null);
        RtpLeg caller = leg("caller", "0");
        RtpLeg agent = leg("agent", "0");
        RtpLeg other = leg("other", "0");
        Bridge bridge = engine.bridge(caller, agent, null);
        assertThatThrownBy(() -> room.join(caller)).isInstanceOf(IllegalStateException.class);
        bridge.unbridge();
        room.join(caller);
        assertThatThrownBy(() -> engine.bridge(caller, other, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> caller.play(new Tone(5), null)).isInstanceOf(IllegalStateException.class);
        room.close();
        assertThat(caller.isMixed()).isFalse();
        engine.bridge(caller, other, null);
    }

    @Test
    void aNoticeIsPlayedOnceIntoOneListenersMixOverWhatItHears() {
        MixingRoom room = room(null);
        MixingRoom.Seat caller = room.join(leg("caller", "0"));
        MixingRoom.Seat agent = room.join(leg("agent", "0"));
        room.everyoneHearsEveryone();
        Tone notice = new Tone(2);
        room.announce(caller, notice);
        byte[] agentSays = tone(1000, 5000, AudioCodec.PCMU);
        AudioCodec[] two = {AudioCodec.PCMU, AudioCodec.PCMU};
        for (int frame = 0; frame < 2; frame++) {
            say(agent, agentSays, AudioCodec.PCMU);
            room.pullAndMix(room.seats());
            assertThat(caller.heard()).as("notice frame %d over the agent", frame)
                    .containsExactly(expectedMix(AudioCodec.PCMU, two, agentSays, notice.frame(frame, AudioCodec.PCMU)));
            assertThat(agent.heard()).as("the agent does not hear the notice").containsExactly(silence(AudioCodec.PCMU));
        }
        say(agent, agentSays, AudioCodec.PCMU);
        room.pullAndMix(room.seats());
        assertThat(caller.heard()).as("played once").containsExactly(agentSays);
    }

    /** Keeps the last frame of each channel. */
    private static final class RecordingTap implements BridgeTap {
        byte[] caller;
        byte[] heard;
        long timestamp;

        @Override
        public void fromCaller(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
            caller = Arrays.copyOfRange(payload, offset, offset + length);
            timestamp = rtpTimestamp;
        }

        @Override
        public void fromAgent(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
            heard = Arrays.copyOfRange(payload, offset, offset + length);
        }

        @Override
        public void close() {
        }
    }
}
