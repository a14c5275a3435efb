package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class MediaFiguresResourceTest {

    @Test
    void aNodeThatSentNothingSinceTheResetHasNoDeviationRatherThanNaN() {
        JsonObject none = MediaFiguresResource.deviation(new SendJitter.Snapshot(0, Double.NaN, Double.NaN, Double.NaN)).build();

        assertThat(none.isNull("p50")).isTrue();
        assertThat(none.isNull("p99")).isTrue();
        assertThat(none.isNull("max")).isTrue();
    }

    @Test
    void theDeviationOfWhatWasSentIsGivenInMilliseconds() {
        JsonObject some = MediaFiguresResource.deviation(new SendJitter.Snapshot(5000, 0.2, 2.8, 6.1)).build();

        assertThat(some.getJsonNumber("p50").doubleValue()).isEqualTo(0.2);
        assertThat(some.getJsonNumber("p99").doubleValue()).isEqualTo(2.8);
        assertThat(some.getJsonNumber("max").doubleValue()).isEqualTo(6.1);
    }
}
