package io.verbund.acd.storage.audio;

/**
 * Brings 16-bit samples of any rate of at least 8000 Hz to 8000 Hz: a windowed-sinc low-pass at
 * 3.6 kHz (below the new Nyquist frequency of 4 kHz, so nothing folds back into the telephone
 * band), then linear interpolation at the new sample instants. Enough for announcements; the
 * input is oversampled relative to the filter, so interpolation adds little error.
 */
public final class Resampler {

    public static final int TARGET_RATE = 8000;
    private static final double CUTOFF_HZ = 3600;

    private Resampler() {
    }

    public static short[] to8000(short[] samples, int rate) {
        if (rate == TARGET_RATE) {
            return samples.clone();
        }
        if (rate < TARGET_RATE) {
            throw new IllegalArgumentException("cannot raise " + rate + " Hz to 8000 Hz");
        }
        double[] taps = lowPassTaps(rate);
        int count = (int) ((long) samples.length * TARGET_RATE / rate);
        short[] out = new short[count];
        double step = (double) rate / TARGET_RATE;
        for (int i = 0; i < count; i++) {
            double position = i * step;
            int index = (int) position;
            double fraction = position - index;
            double here = filteredAt(samples, taps, index);
            double next = index + 1 < samples.length ? filteredAt(samples, taps, index + 1) : here;
            out[i] = clip(here * (1 - fraction) + next * fraction);
        }
        return out;
    }

    private static double[] lowPassTaps(int rate) {
        int half = Math.max(8, rate / 500);
        double[] taps = new double[2 * half + 1];
        double normalized = CUTOFF_HZ / rate;
        double sum = 0;
        for (int k = -half; k <= half; k++) {
            double sinc = k == 0 ? 2 * normalized : Math.sin(2 * Math.PI * normalized * k) / (Math.PI * k);
            double blackman = 0.42 + 0.5 * Math.cos(Math.PI * k / half) + 0.08 * Math.cos(2 * Math.PI * k / half);
            taps[k + half] = sinc * blackman;
            sum += taps[k + half];
        }
        for (int i = 0; i < taps.length; i++) {
            taps[i] /= sum;
        }
        return taps;
    }

    /** The low-passed signal at one input sample: only where an output sample needs it. */
    private static double filteredAt(short[] samples, double[] taps, int n) {
        int half = taps.length / 2;
        double acc = 0;
        int from = Math.max(0, n - half);
        int to = Math.min(samples.length - 1, n + half);
        for (int m = from; m <= to; m++) {
            acc += samples[m] * taps[m - n + half];
        }
        return acc;
    }

    private static short clip(double value) {
        long rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }
}
