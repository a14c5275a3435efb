package io.verbund.acd.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.skill.InvalidSkillRequirements;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.skill.SkillStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SkillStepsJsonTest {

    @Test
    void stepsSurviveTheirWayThroughTheDatabase() {
        List<SkillStep> steps = List.of(
                SkillStep.lasting(Duration.ofSeconds(30), SkillCondition.of("Sales", 4), SkillCondition.of("German", 2)),
                SkillStep.forever(SkillCondition.of("Sales", 2)));

        String stored = SkillStepsJson.write(steps);

        assertThat(stored).isEqualTo("[{\"conditions\":[{\"skill\":\"Sales\",\"minProficiency\":4},{\"skill\":\"German\",\"minProficiency\":2}],"
                + "\"durationSeconds\":30},{\"conditions\":[{\"skill\":\"Sales\",\"minProficiency\":2}]}]");
        assertThat(SkillStepsJson.read(stored)).isEqualTo(steps);
    }

    @Test
    void noStepsIsNullBlankOrAnEmptyList() {
        assertThat(SkillStepsJson.read(null)).isEmpty();
        assertThat(SkillStepsJson.read(" ")).isEmpty();
        assertThat(SkillStepsJson.read("[]")).isEmpty();
        assertThat(SkillStepsJson.write(List.of())).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{\"conditions\":[]}]                                                   | steps[0].conditions",
            "[{\"conditions\":[{\"skill\":\"Sales\",\"minProficiency\":6}]}]        | steps[0].conditions[0].atLeast",
            "[{\"conditions\":[{\"minProficiency\":3}]}]                            | steps[0].conditions[0].skill",
            "[{\"conditions\":[{\"skill\":\"Sales\"}]}]                             | steps[0].conditions[0].minProficiency",
            "[{\"conditions\":[{\"skill\":\"A\",\"minProficiency\":1}],\"durationSeconds\":0}] | steps[0].duration",
            "{\"not\":\"a list\"}                                                   | steps",
            "[7]                                                                    | steps[0]"})
    void whatIsNoStepIsRefusedNamingThePlace(String text, String field) {
        assertThatThrownBy(() -> SkillStepsJson.read(text)).isInstanceOfSatisfying(InvalidSkillRequirements.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
