package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import org.junit.jupiter.api.Test;

class RingbackTest {

    @Test
    void germanRingbackIs425HertzForOneSecondThenFourSecondsOfSilence() {
        Playable tone = Ringback.forLocale("de-DE");

        assertThat(tone.frameCount()).as("5 s of 20 ms frames").isEqualTo(250);
        short[] firstSecond = linear(tone, 0, 50);
        assertThat(crossingsPerSecond(firstSecond)).as("zero crossings of 425 Hz: twice a period").isBetween(840, 860);
        assertThat(peak(firstSecond)).isGreaterThan(5000);
        assertThat(peak(linear(tone, 50, 250))).as("then silence").isLessThan(50);
    }

    @Test
    void theTenantsCountryChoosesTheToneAndEuropesIsTheDefault() {
        assertThat(Ringback.forLocale("en-US")).isSameAs(Ringback.NORTH_AMERICAN);
        assertThat(Ringback.forLocale("en-GB")).isSameAs(Ringback.UNITED_KINGDOM);
        assertThat(Ringback.forLocale("de")).isSameAs(Ringback.EUROPE);
        assertThat(Ringback.forLocale("de-AT")).isSameAs(Ringback.EUROPE);
        assertThat(Ringback.forLocale(null)).isSameAs(Ringback.EUROPE);
        assertThat(Ringback.NORTH_AMERICAN.frameCount()).as("2 s on, 4 s off").isEqualTo(300);
    }

    private static short[] linear(Playable tone, int fromFrame, int toFrame) {
        short[] samples = new short[(toFrame - fromFrame) * AudioCodec.SAMPLES_PER_FRAME];
        for (int frame = fromFrame; frame < toFrame; frame++) {
            byte[] encoded = tone.frame(frame, AudioCodec.PCMA);
            for (int i = 0; i < encoded.length; i++) {
                samples[(frame - fromFrame) * AudioCodec.SAMPLES_PER_FRAME + i] = G711.decode(encoded[i], AudioCodec.PCMA);
            }
        }
        return samples;
    }

    private static int crossingsPerSecond(short[] samples) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings * AudioCodec.SAMPLE_RATE / samples.length;
    }

    private static int peak(short[] samples) {
        int peak = 0;
        for (short sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }
}
