package io.verbund.acd.stats.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LiveWindowsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void todayStartsAtMidnightInTheTenantsZone() {
        LiveWindows windows = LiveWindows.at(Instant.parse("2025-07-01T21:30:00Z"), BERLIN);

        assertThat(windows.midnight()).isEqualTo(Instant.parse("2025-06-30T22:00:00Z"));
    }

    @Test
    void justAfterMidnightThereTodayIsTheNewDayAlthoughUtcIsStillYesterday() {
        LiveWindows windows = LiveWindows.at(Instant.parse("2025-07-01T22:05:00Z"), BERLIN);

        assertThat(windows.midnight()).isEqualTo(Instant.parse("2025-07-01T22:00:00Z"));
    }

    @Test
    void onTheDayClocksGoForwardTodayStillStartsAtLocalMidnight() {
        LiveWindows windows = LiveWindows.at(Instant.parse("2025-03-30T12:00:00Z"), BERLIN);

        assertThat(windows.midnight()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
    }

    @Test
    void theLastMinutesAreExactAndTheirSlicesStartAtTheQuarterHourBefore() {
        LiveWindows windows = LiveWindows.at(Instant.parse("2025-07-01T10:07:30Z"), BERLIN);

        assertThat(windows.lastShort()).isEqualTo(Instant.parse("2025-07-01T09:52:30Z"));
        assertThat(windows.lastLong()).isEqualTo(Instant.parse("2025-07-01T09:07:30Z"));
        assertThat(windows.firstRecentSlice()).isEqualTo(Instant.parse("2025-07-01T09:00:00Z"));
    }

    @Test
    void theLastHourReachesBackOverMidnight() {
        LiveWindows windows = LiveWindows.at(Instant.parse("2025-07-01T22:10:00Z"), BERLIN);

        assertThat(windows.lastLong()).isBefore(windows.midnight());
        assertThat(windows.firstRecentSlice()).isEqualTo(Instant.parse("2025-07-01T21:00:00Z"));
    }
}
