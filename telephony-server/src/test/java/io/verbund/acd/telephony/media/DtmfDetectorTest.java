package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DtmfDetectorTest {

    private static final long TIMEOUT = 300_000_000;
    private final StringBuilder digits = new StringBuilder();
    private final DtmfDetector detector = new DtmfDetector(TIMEOUT, (digit, duration) -> digits.append(digit));

    private void event(long timestamp, int event, boolean end, int duration, long nanos) {
        byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        detector.onPacket(timestamp, payload, 0, 4, nanos);
    }

    @Test
    void countsADigitOnceDespiteUpdatesAndTheTripleEnd() {
        event(1000, 5, false, 160, 0);
        event(1000, 5, false, 320, 1);
        event(1000, 5, false, 480, 2);
        event(1000, 5, true, 640, 3);
        event(1000, 5, true, 640, 4);
        event(1000, 5, true, 640, 5);
        detector.onTick(TIMEOUT * 10);

        assertThat(digits).hasToString("5");
    }

    @Test
    void endsAnEventWhoseEndPacketsWereLostAfterTheTimeout() {
        event(1000, 9, false, 160, 0);
        event(1000, 9, false, 320, 50_000_000);
        detector.onTick(50_000_000 + TIMEOUT - 1);
        assertThat(digits).isEmpty();

        detector.onTick(50_000_000 + TIMEOUT);

        assertThat(digits).hasToString("9");
    }

    @Test
    void aNewEventEndsOneWhoseEndWasLost() {
        event(1000, 1, false, 160, 0);
        event(2000, 2, false, 160, 1);
        event(2000, 2, true, 320, 2);

        assertThat(digits).hasToString("12");
    }

    @Test
    void ignoresUpdatesThatArriveAfterTheEnd() {
        event(1000, 4, true, 480, 0);
        event(1000, 4, false, 160, 1);
        event(1000, 4, false, 320, 2);
        event(1000, 4, true, 480, 3);
        detector.onTick(TIMEOUT * 10);

        assertThat(digits).hasToString("4");
    }

    @Test
    void repeatsOfTheSameDigitAreSeparatePresses() {
        event(1000, 0, true, 480, 0);
        event(2000, 0, true, 480, 1);
        event(3000, 11, true, 480, 2);
        event(4000, 10, true, 480, 3);
        event(5000, 12, true, 480, 4);
        event(6000, 16, true, 480, 5);

        assertThat(digits).hasToString("00#*A");
    }

    @Test
    void ignoresAnOlderEventArrivingAfterANewerOne() {
        event(2000, 2, true, 480, 0);
        event(1000, 1, true, 480, 1);

        assertThat(digits).hasToString("2");
    }

    @Test
    void countsShortPayloadsAsMalformed() {
        detector.onPacket(1000, new byte[]{1, 2}, 0, 2, 0);

        assertThat(detector.malformed()).isEqualTo(1);
        assertThat(digits).isEmpty();
    }
}
