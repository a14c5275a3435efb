package io.verbund.acd.skill;

import static io.verbund.acd.skill.InvalidSkillRequirements.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillValidationTest {

    private static final SkillCondition SALES_1 = SkillCondition.of("Sales", 1);
    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    private static String fieldOf(ThrowingCallable building) {
        InvalidSkillRequirements fault = catchThrowableOfType(building, InvalidSkillRequirements.class);
        assertThat(fault).as("refused").isNotNull();
        assertThat(fault.getMessage()).startsWith(fault.field() + ": ").endsWith(fault.reason());
        return fault.field();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void aLevelOutsideOneToFiveIsRefusedNamingItsPlace(int level) {
        assertThat(fieldOf(() -> SkillCondition.of("Sales", level))).isEqualTo("atLeast");
        assertThat(fieldOf(() -> at("minimum[0]", () -> SkillCondition.of("Sales", level)))).isEqualTo("minimum[0].atLeast");
        assertThat(fieldOf(() -> at("steps[1]", () -> SkillStep.lasting(THIRTY_SECONDS,
                at("conditions[0]", () -> SkillCondition.of("Sales", level))))))
                .isEqualTo("steps[1].conditions[0].atLeast");
    }

    @Test
    void levelsOneAndFiveAreAllowed() {
        assertThat(SkillCondition.of("Sales", 1).atLeast()).isEqualTo(1);
        assertThat(SkillCondition.of("Sales", 5).atLeast()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " Sales", "Sales "})
    void anEmptyOrPaddedSkillNameIsRefused(String name) {
        assertThat(fieldOf(() -> SkillCondition.of(name, 3))).isEqualTo("skill");
        assertThat(fieldOf(() -> at("minimum[2]", () -> SkillCondition.of(name, 3)))).isEqualTo("minimum[2].skill");
    }

    @Test
    void aStepWithoutConditionsIsRefused() {
        assertThat(fieldOf(() -> new SkillStep(List.of(), Optional.of(THIRTY_SECONDS)))).isEqualTo("conditions");
        assertThat(fieldOf(() -> at("steps[1]", () -> SkillStep.forever()))).isEqualTo("steps[1].conditions");
    }

    @Test
    void aStepMustLastAWhile() {
        assertThat(fieldOf(() -> SkillStep.lasting(Duration.ZERO, SALES_1))).isEqualTo("duration");
        assertThat(fieldOf(() -> at("steps[0]", () -> SkillStep.lasting(Duration.ofMillis(-1), SALES_1))))
                .isEqualTo("steps[0].duration");
        assertThat(SkillStep.lasting(Duration.ofNanos(1), SALES_1).duration()).contains(Duration.ofNanos(1));
    }

    @Test
    void onlyTheLastStepMayLastForever() {
        assertThat(fieldOf(() -> new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(THIRTY_SECONDS, SALES_1), SkillStep.forever(SALES_1),
                        SkillStep.lasting(THIRTY_SECONDS, SALES_1)), true)))
                .isEqualTo("steps[1].duration");
        assertThat(fieldOf(() -> new SkillRequirements(List.of(),
                List.of(SkillStep.forever(SALES_1), SkillStep.forever(SALES_1)), false)))
                .isEqualTo("steps[0].duration");
    }

    @Test
    void theLastStepLastsForeverExactlyWhenNoAnyMemberPhaseFollows() {
        assertThat(fieldOf(() -> new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(THIRTY_SECONDS, SALES_1), SkillStep.lasting(THIRTY_SECONDS, SALES_1)), false)))
                .isEqualTo("steps[1].duration");
        assertThat(fieldOf(() -> new SkillRequirements(List.of(), List.of(SkillStep.forever(SALES_1)), true)))
                .isEqualTo("anyMemberAfterLastStep");
    }

    @Test
    void aSkillIsNamedOnceInAMinimumOrAStep() {
        assertThat(fieldOf(() -> new SkillRequirements(
                List.of(SALES_1, SkillCondition.of("German", 2), SkillCondition.of("Sales", 3)), List.of(), false)))
                .isEqualTo("minimum[2].skill");
        assertThat(fieldOf(() -> at("steps[0]", () -> SkillStep.forever(SALES_1, SkillCondition.of("Sales", 2)))))
                .isEqualTo("steps[0].conditions[1].skill");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6})
    void anAgentsProficiencyIsOneToFive(int level) {
        assertThatThrownBy(() -> new AgentSkills(Map.of(new SkillName("Sales"), level)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sales");
    }

    @org.junit.jupiter.api.Test
    void theCallsOwnSkillsAreReadFromItsVariable() {
        assertThat(SkillCondition.parseAll(" Sales>=3, German >= 2 ,French")).containsExactly(
                SkillCondition.of("Sales", 3), SkillCondition.of("German", 2), SkillCondition.of("French", 1));
        assertThat(SkillCondition.parseAll("")).isEmpty();
        assertThat(SkillCondition.parseAll(null)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SkillCondition.parseAll("Sales>=3, German>=x"))
                .isInstanceOfSatisfying(InvalidSkillRequirements.class, e -> assertThat(e.field()).isEqualTo("skills[1].atLeast"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SkillCondition.parseAll("Sales>=9"))
                .isInstanceOfSatisfying(InvalidSkillRequirements.class, e -> assertThat(e.field()).isEqualTo("skills[0].atLeast"));
    }
}
