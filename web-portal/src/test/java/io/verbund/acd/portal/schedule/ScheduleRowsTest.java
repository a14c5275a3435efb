package io.verbund.acd.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.verbund.acd.persistence.config.Holiday;
import io.verbund.acd.persistence.config.OpeningHoursEntity;
import io.verbund.acd.persistence.config.OpeningInterval;
import io.verbund.acd.schedule.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRowsTest {

    /** Mondays 08:00–18:00 and Tuesdays until midnight in Berlin; closed on one Monday, short hours on another. */
    private static OpeningHoursEntity office() {
        OpeningHoursEntity rows = new OpeningHoursEntity(7, "Office");
        rows.setTimeZone("Europe/Berlin");
        rows.getIntervals().addAll(ScheduleRows.intervals(List.of(new OpeningHoursRequest.Interval(1, "08:00", "18:00"),
                new OpeningHoursRequest.Interval(2, "20:00", "24:00"))));
        rows.getHolidays().addAll(ScheduleRows.holidays(List.of(
                new OpeningHoursRequest.Holiday("2026-12-07", " Closed Monday ", null, null),
                new OpeningHoursRequest.Holiday("2026-12-14", "Short Monday", "09:00", "12:00"))));
        return rows;
    }

    @Test
    void storesTimesAsTheTimeColumnsTakeThem() {
        OpeningHoursEntity rows = office();

        assertThat(rows.getIntervals()).extracting(OpeningInterval::getStartTime, OpeningInterval::getEndTime)
                .containsExactly(tuple("08:00:00", "18:00:00"),
                        tuple("20:00:00", "24:00:00"));
        assertThat(rows.getHolidays().get(0).isClosedAllDay()).isTrue();
        assertThat(rows.getHolidays().get(0).getName()).isEqualTo("Closed Monday");
        assertThat(rows.getHolidays().get(1).isClosedAllDay()).isFalse();
        assertThat(rows.getHolidays().get(1).getOpenFrom()).isEqualTo("09:00:00");
    }

    @Test
    void isOpenInTheScheduleZone() {
        OpeningHours schedule = ScheduleRows.schedule(office());

        // Monday 2026-11-30: 08:00 in Berlin is 07:00 UTC.
        assertThat(schedule.isOpen(Instant.parse("2026-11-30T06:59:59Z"))).isFalse();
        assertThat(schedule.isOpen(Instant.parse("2026-11-30T07:00:00Z"))).isTrue();
        assertThat(schedule.isOpen(Instant.parse("2026-11-30T16:59:59Z"))).isTrue();
        assertThat(schedule.isOpen(Instant.parse("2026-11-30T17:00:00Z"))).isFalse();
    }

    @Test
    void anIntervalUntilMidnightCoversTheLastSecond() {
        OpeningHours schedule = ScheduleRows.schedule(office());

        // Tuesday 2026-12-01 23:59:59 in Berlin, then Wednesday 00:00.
        assertThat(schedule.isOpen(Instant.parse("2026-12-01T22:59:59Z"))).isTrue();
        assertThat(schedule.isOpen(Instant.parse("2026-12-01T23:00:00Z"))).isFalse();
    }

    @Test
    void aHolidayReplacesTheWeekdaysHours() {
        OpeningHours schedule = ScheduleRows.schedule(office());

        assertThat(schedule.isOpen(Instant.parse("2026-12-07T10:00:00Z"))).isFalse();
        assertThat(schedule.isOpen(Instant.parse("2026-12-14T07:59:59Z"))).isFalse();
        assertThat(schedule.isOpen(Instant.parse("2026-12-14T08:00:00Z"))).isTrue();
        assertThat(schedule.isOpen(Instant.parse("2026-12-14T11:00:00Z"))).isFalse();
    }

    @Test
    void answersInTheShapeClientsSend() {
        OpeningHoursEntity rows = new OpeningHoursEntity(7, "Office");
        rows.getIntervals().add(new OpeningInterval(2, "08:00:00", "24:00:00"));
        rows.getIntervals().add(new OpeningInterval(1, "13:00:00", "18:00:30"));
        rows.getIntervals().add(new OpeningInterval(1, "08:00:00", "12:00:00"));
        rows.getHolidays().add(new Holiday(LocalDate.parse("2026-12-31"), "Silvester", "09:00:00", "12:00:00"));
        rows.getHolidays().add(new Holiday(LocalDate.parse("2026-12-24"), "Heiligabend", null, null));

        OpeningHoursDocument document = ScheduleRows.document(rows);

        assertThat(document.intervals()).containsExactly(new OpeningHoursDocument.Interval(1, "08:00", "12:00"),
                new OpeningHoursDocument.Interval(1, "13:00", "18:00:30"), new OpeningHoursDocument.Interval(2, "08:00", "24:00"));
        assertThat(document.holidays()).containsExactly(
                new OpeningHoursDocument.Holiday(LocalDate.parse("2026-12-24"), "Heiligabend", null, null),
                new OpeningHoursDocument.Holiday(LocalDate.parse("2026-12-31"), "Silvester", "09:00", "12:00"));
        assertThat(document.timeZone()).isEqualTo("Europe/Berlin");
    }
}
