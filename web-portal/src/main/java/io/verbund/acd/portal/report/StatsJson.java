package io.verbund.acd.portal.report;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Reads one member of a small JSON answer of stats-service, for the log and a {@code Location}. */
final class StatsJson {

    private StatsJson() {
    }

    /** The member as text ({@code 7}, {@code RUNNING}); empty when the body is no object or has no such member. */
    static String member(String json, String name) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return "";
            }
            return value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : value.toString();
        } catch (RuntimeException notAnObject) {
            return "";
        }
    }
}
