package io.verbund.acd.portal.schedule;

import io.verbund.acd.portal.api.TenantItem;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Opening hours as the API answers them, in the shape a client sends them
 * ({@link OpeningHoursRequest}); times are {@code HH:MM} ({@code HH:MM:SS} only with seconds),
 * intervals ordered by day and start, holidays by date.
 */
@JsonbPropertyOrder({"id", "name", "timeZone", "intervals", "holidays", "version", "updatedAt"})
public record OpeningHoursDocument(long id, String name, String timeZone, List<Interval> intervals, List<Holiday> holidays,
                                   int version, Instant updatedAt) implements TenantItem {

    /** @param day ISO 8601 day of the week: 1 Monday … 7 Sunday */
    @JsonbPropertyOrder({"day", "from", "until"})
    public record Interval(int day, String from, String until) {
    }

    /** {@code openFrom} and {@code openUntil} are present as null for a day closed all day. */
    @JsonbNillable
    @JsonbPropertyOrder({"day", "name", "openFrom", "openUntil"})
    public record Holiday(LocalDate day, String name, String openFrom, String openUntil) {
    }
}
