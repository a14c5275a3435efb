package io.verbund.acd.portal.schedule;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** {@code GET /opening-hours/{id}/status}: whether the schedule is open at {@code at} (UTC). */
@JsonbPropertyOrder({"open", "at"})
public record OpeningStatus(boolean open, Instant at) {
}
