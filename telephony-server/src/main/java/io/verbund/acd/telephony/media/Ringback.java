package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import java.util.Locale;
import java.util.Set;

/**
 * The ring tone a caller hears while the number it dialled rings, as the telephone network of the
 * caller's country plays it: the node plays it to an agent whose outbound call rings at a number
 * whose trunk sends no early media of its own. One cadence cycle, played in a loop.
 *
 * <p>Europe's (CEPT) tone is the default: 425 Hz, 1 s on, 4 s off (Germany, Austria, Switzerland,
 * most of the continent). North America has 440 + 480 Hz, 2 s on, 4 s off; the United Kingdom and
 * Ireland 400 + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off. The level is about −13 dBm0, where
 * networks put their supervisory tones.
 */
public final class Ringback {

    /** Peak amplitude of the 16-bit samples: about −13 dBm0 for one tone, split over two. */
    private static final double LEVEL = 7000;
    private static final Set<String> NORTH_AMERICA = Set.of("US", "CA");
    private static final Set<String> BRITISH = Set.of("GB", "IE");

    public static final Playable EUROPE = tone(new double[] {425}, 1000, 4000);
    public static final Playable NORTH_AMERICAN = tone(new double[] {440, 480}, 2000, 4000);
    public static final Playable UNITED_KINGDOM = tone(new double[] {400, 450}, 400, 200, 400, 2000);

    private Ringback() {
    }

    /**
     * The tone of the country a tenant's locale names ({@code de-DE}, {@code en-US}); a locale
     * without a country ({@code de}, {@code en}), or none, gets Europe's.
     */
    public static Playable forLocale(String locale) {
        String country = locale == null ? "" : Locale.forLanguageTag(locale).getCountry().toUpperCase(Locale.ROOT);
        if (NORTH_AMERICA.contains(country)) {
            return NORTH_AMERICAN;
        }
        return BRITISH.contains(country) ? UNITED_KINGDOM : EUROPE;
    }

    /** The frequencies summed, switched on and off in {@code cadence} (milliseconds: on, off, on, off …). */
    static Playable tone(double[] frequencies, int... cadence) {
        int total = 0;
        for (int part : cadence) {
            total += part * AudioCodec.SAMPLE_RATE / 1000;
        }
        short[] samples = new short[total];
        int at = 0;
        for (int part = 0; part < cadence.length; part++) {
            int length = cadence[part] * AudioCodec.SAMPLE_RATE / 1000;
            if (part % 2 == 0) {
                for (int i = 0; i < length; i++) {
                    double sum = 0;
                    for (double frequency : frequencies) {
                        sum += Math.sin(2 * Math.PI * frequency * i / AudioCodec.SAMPLE_RATE);
                    }
                    samples[at + i] = (short) Math.round(sum * LEVEL / frequencies.length);
                }
            }
            at += length;
        }
        return PromptAudio.fromLinear(samples);
    }
}
