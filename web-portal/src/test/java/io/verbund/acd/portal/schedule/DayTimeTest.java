package io.verbund.acd.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DayTimeTest {

    @Test
    void readsMinutesAndSeconds() {
        assertThat(DayTime.parse("08:00")).contains(new DayTime(8 * 3600));
        assertThat(DayTime.parse("08:00:30")).contains(new DayTime(8 * 3600 + 30));
        assertThat(DayTime.parse("00:00")).contains(new DayTime(0));
        assertThat(DayTime.parse("23:59:59")).contains(new DayTime(86_399));
    }

    @Test
    void readsMidnightAsTheEndOfTheDay() {
        assertThat(DayTime.parse("24:00")).contains(DayTime.END_OF_DAY);
        assertThat(DayTime.parse("24:00:00")).contains(DayTime.END_OF_DAY);
        assertThat(DayTime.END_OF_DAY.asEnd()).isNull();
        assertThatThrownBy(DayTime.END_OF_DAY::asStart).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesWhatIsNoTimeOfDay() {
        assertThat(DayTime.parse("24:01")).isEmpty();
        assertThat(DayTime.parse("24:00:01")).isEmpty();
        assertThat(DayTime.parse("25:00")).isEmpty();
        assertThat(DayTime.parse("8:00")).isEmpty();
        assertThat(DayTime.parse("08:60")).isEmpty();
        assertThat(DayTime.parse("08:00:60")).isEmpty();
        assertThat(DayTime.parse("08:00 ")).isEmpty();
        assertThat(DayTime.parse("")).isEmpty();
        assertThat(DayTime.parse(null)).isEmpty();
    }

    @Test
    void writesMinutesForTheApiAndSecondsForTheColumn() {
        DayTime eight = DayTime.parse("08:00").orElseThrow();
        assertThat(eight.text()).isEqualTo("08:00");
        assertThat(eight.stored()).isEqualTo("08:00:00");
        assertThat(DayTime.parse("08:00:30").orElseThrow().text()).isEqualTo("08:00:30");
        assertThat(DayTime.END_OF_DAY.text()).isEqualTo("24:00");
        assertThat(DayTime.END_OF_DAY.stored()).isEqualTo("24:00:00");
    }

    @Test
    void turnsIntoLocalTimes() {
        assertThat(DayTime.parse("18:30").orElseThrow().asStart()).isEqualTo(LocalTime.of(18, 30));
        assertThat(DayTime.parse("18:30").orElseThrow().asEnd()).isEqualTo(LocalTime.of(18, 30));
    }
}
