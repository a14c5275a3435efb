package io.verbund.acd.runtime.routing;

import io.verbund.acd.skill.InvalidSkillRequirements;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.skill.SkillStep;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ACD group's skill steps as {@code acd_group.skill_steps} stores them: the portal writes what it
 * validated, the telephony server reads them for routing. The shape is the API's:
 * {@code [{"conditions":[{"skill":"Sales","minProficiency":3}],"durationSeconds":30}]}; a step without
 * {@code durationSeconds} lasts forever.
 */
public final class SkillStepsJson {

    private static final jakarta.json.JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private SkillStepsJson() {
    }

    public static String write(List<SkillStep> steps) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (SkillStep step : steps) {
            JsonArrayBuilder conditions = JSON.createArrayBuilder();
            step.conditions().forEach(condition -> conditions.add(JSON.createObjectBuilder()
                    .add("skill", condition.skill().value()).add("minProficiency", condition.atLeast())));
            JsonObjectBuilder object = JSON.createObjectBuilder().add("conditions", conditions);
            step.duration().ifPresent(duration -> object.add("durationSeconds", duration.toSeconds()));
            array.add(object);
        }
        return array.build().toString();
    }

    /**
     * The stored steps; none for a group without ({@code null} or blank).
     *
     * @throws InvalidSkillRequirements naming the place ({@code steps[1].conditions[0].atLeast}) when
     *         the text is not steps
     */
    public static List<SkillStep> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            array = reader.readArray();
        } catch (JsonException | ClassCastException e) {
            throw new InvalidSkillRequirements("steps", "not a JSON list of steps: " + e.getMessage());
        }
        List<SkillStep> steps = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue value = array.get(i);
            steps.add(InvalidSkillRequirements.at("steps[" + i + "]", () -> step(value)));
        }
        return List.copyOf(steps);
    }

    private static SkillStep step(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidSkillRequirements("", "a step is an object");
        }
        JsonObject object = value.asJsonObject();
        JsonArray conditions = object.containsKey("conditions") && object.get("conditions").getValueType() == JsonValue.ValueType.ARRAY
                ? object.getJsonArray("conditions") : JsonValue.EMPTY_JSON_ARRAY;
        List<SkillCondition> read = new ArrayList<>();
        for (int j = 0; j < conditions.size(); j++) {
            JsonValue condition = conditions.get(j);
            read.add(InvalidSkillRequirements.at("conditions[" + j + "]", () -> condition(condition)));
        }
        Optional<Duration> duration = object.containsKey("durationSeconds") && !object.isNull("durationSeconds")
                ? Optional.of(Duration.ofSeconds(object.getJsonNumber("durationSeconds").longValue())) : Optional.empty();
        return new SkillStep(read, duration);
    }

    private static SkillCondition condition(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidSkillRequirements("", "a condition is an object");
        }
        JsonObject object = value.asJsonObject();
        if (!object.containsKey("skill") || object.get("skill").getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidSkillRequirements("skill", "a condition names a skill");
        }
        if (!object.containsKey("minProficiency") || object.get("minProficiency").getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidSkillRequirements("minProficiency", "a condition needs a level from 1 to 5");
        }
        return SkillCondition.of(object.getString("skill"), object.getInt("minProficiency"));
    }
}
