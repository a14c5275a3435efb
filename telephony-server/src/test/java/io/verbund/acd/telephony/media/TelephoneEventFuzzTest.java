package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the RFC 4733 telephone-event reader with sequences of packets (timestamps, payloads of
 * any length, clock ticks). Properties: it never throws; it reports only DTMF keys; it reports no
 * more digits than events it was given.
 * Corpus: src/test/resources/io/verbund/acd/telephony/media/TelephoneEventFuzzTestInputs/.
 */
class TelephoneEventFuzzTest {

    @FuzzTest(maxDuration = "120s", maxExecutions = 600_000)
    void readingEventPackets(FuzzedDataProvider data) {
        StringBuilder digits = new StringBuilder();
        DtmfDetector detector = new DtmfDetector(300_000_000L, (digit, duration) -> digits.append(digit));
        long now = 0;
        int packets = 0;
        while (data.remainingBytes() > 0) {
            now += data.consumeInt(0, 400_000_000);
            switch (data.consumeInt(0, 3)) {
                case 0 -> detector.onTick(now);
                case 1 -> detector.reset();
                default -> {
                    long timestamp = data.consumeLong() & 0xFFFFFFFFL;
                    byte[] payload = data.consumeBytes(data.consumeInt(0, 12));
                    int offset = payload.length == 0 ? 0 : data.consumeInt(0, payload.length - 1);
                    detector.onPacket(timestamp, payload, offset, payload.length - offset, now);
                    packets++;
                }
            }
        }
        detector.onTick(Long.MAX_VALUE / 2);

        assertThat(digits.chars()).allMatch(c -> "0123456789*#ABCD".indexOf(c) >= 0);
        assertThat(digits.length()).isLessThanOrEqualTo(packets);
    }
}
