package io.verbund.acd.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.MalformedRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpeningHoursResourceTest {

    @Test
    void readsAtAsAnInstantOrADateTimeWithOffset() {
        assertThat(OpeningHoursResource.instant("2026-12-24T10:00:00Z")).contains(Instant.parse("2026-12-24T10:00:00Z"));
        assertThat(OpeningHoursResource.instant("2026-12-24T11:00:00+01:00")).contains(Instant.parse("2026-12-24T10:00:00Z"));
        // "+01:00" sent without percent-encoding arrives with a space for the plus.
        assertThat(OpeningHoursResource.instant("2026-12-24T11:00:00 01:00")).contains(Instant.parse("2026-12-24T10:00:00Z"));
    }

    @Test
    void leftOutMeansNow() {
        assertThat(OpeningHoursResource.instant(null)).isEmpty();
        assertThat(OpeningHoursResource.instant("")).isEmpty();
    }

    @Test
    void namesAtWhenItIsNoInstant() {
        assertThatThrownBy(() -> OpeningHoursResource.instant("2026-12-24")).isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("at must be an ISO-8601 instant");
        assertThatThrownBy(() -> OpeningHoursResource.instant("2026-12-24T10:00:00")).isInstanceOf(MalformedRequest.class);
    }
}
