package io.verbund.acd.portal.callflow;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One published version of a call flow; {@code graph} is left out of lists. */
public record CallFlowVersionDocument(int version, Instant createdAt, String createdBy, boolean current, JsonObject graph) {
}
