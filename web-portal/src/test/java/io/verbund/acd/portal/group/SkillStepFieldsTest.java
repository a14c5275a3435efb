package io.verbund.acd.portal.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillStepFieldsTest {

    @ParameterizedTest
    @CsvSource({
            "steps[1].conditions[0].atLeast, skillSteps[1].conditions[0].minProficiency",
            "steps[0].duration, skillSteps[0].durationSeconds",
            "steps[2].conditions, skillSteps[2].conditions",
            "anyMemberAfterLastStep, anyMemberAfterSteps",
            "steps[0].conditions[1].skill, skillSteps[0].conditions[1].skill"})
    void theCoresFieldsAreNamedAsTheApiNamesThem(String core, String api) {
        assertThat(AcdGroups.apiField(core)).isEqualTo(api);
    }
}
