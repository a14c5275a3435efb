package io.verbund.acd.runtime.alarm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A raised alarm: a stable code for tools, a sentence for people, and since when it holds. */
public record Alarm(String code, String severity, String message, Instant since, JsonObject details) {

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("code", code).add("severity", severity).add("message", message)
                .add("since", since.toString()).add("details", details).build();
    }
}
