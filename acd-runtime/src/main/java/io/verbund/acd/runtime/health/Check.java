package io.verbund.acd.runtime.health;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The outcome of one health check: UP or DOWN, with the details an operator needs to see why. */
public record Check(boolean up, JsonObject details) {

    public static Check up(JsonObjectBuilder details) {
        return new Check(true, details.add("status", "UP").build());
    }

    public static Check down(JsonObjectBuilder details) {
        return new Check(false, details.add("status", "DOWN").build());
    }

    public static Check down(String problem) {
        return down(Json.createObjectBuilder().add("problem", problem));
    }
}
