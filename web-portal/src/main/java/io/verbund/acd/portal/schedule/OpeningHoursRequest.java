package io.verbund.acd.portal.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Opening hours as a client sends them, to create or replace them whole:
 * <pre>{@code {"name":"Office","timeZone":"Europe/Berlin",
 *  "intervals":[{"day":1,"from":"08:00","until":"18:00"}],
 *  "holidays":[{"day":"2026-12-24","name":"Heiligabend","openFrom":"09:00","openUntil":"12:00"}]}}</pre>
 * What Bean Validation cannot say (a valid zone, from before until, no overlaps, one entry per
 * holiday) is checked by {@link ScheduleCheck}.
 *
 * @param timeZone  an IANA zone the intervals and holidays are read in; left out: the tenant's zone
 * @param intervals left out: none, which means always closed except on holidays with hours
 * @param version   the version the change was made from; required when replacing, ignored on create
 */
public record OpeningHoursRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(min = 1, max = 64) String timeZone,
        @Size(max = 500) List<@Valid @NotNull Interval> intervals,
        @Size(max = 1000) List<@Valid @NotNull Holiday> holidays,
        Integer version) {

    /**
     * Open every week on {@code day} from {@code from} (inclusive) until {@code until} (exclusive).
     *
     * @param day ISO 8601 day of the week: 1 Monday … 7 Sunday
     */
    public record Interval(
            @NotNull @Min(1) @Max(7) Integer day,
            @NotNull @Pattern(regexp = DayTime.FORMAT, message = DayTime.FORMAT_RULE) String from,
            @NotNull @Pattern(regexp = DayTime.FORMAT, message = DayTime.FORMAT_RULE) String until) {
    }

    /**
     * A date whose hours replace the weekday's: closed all day when {@code openFrom} and
     * {@code openUntil} are both null, else open only from–until.
     *
     * @param day ISO date {@code YYYY-MM-DD}
     */
    public record Holiday(
            @NotNull @Pattern(regexp = "^\\d{4}-\\d{2}-\\d{2}$", message = "{verbund.date}") String day,
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = DayTime.FORMAT, message = DayTime.FORMAT_RULE) String openFrom,
            @Pattern(regexp = DayTime.FORMAT, message = DayTime.FORMAT_RULE) String openUntil) {
    }
}
