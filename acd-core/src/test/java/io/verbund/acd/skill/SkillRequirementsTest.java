package io.verbund.acd.skill;

import static io.verbund.acd.routing.Exclusion.BELOW_SKILL_MINIMUM;
import static io.verbund.acd.routing.Exclusion.STEP_NOT_REACHED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillRequirementsTest {

    private static final SkillCondition SALES_1 = SkillCondition.of("Sales", 1);
    private static final SkillCondition SALES_2 = SkillCondition.of("Sales", 2);
    private static final SkillCondition SALES_3 = SkillCondition.of("Sales", 3);
    private static final SkillCondition SALES_4 = SkillCondition.of("Sales", 4);
    private static final SkillCondition GERMAN_2 = SkillCondition.of("German", 2);

    static AgentSkills agent(Object... skillThenLevel) {
        Map<SkillName, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < skillThenLevel.length; i += 2) {
            levels.put(new SkillName((String) skillThenLevel[i]), (Integer) skillThenLevel[i + 1]);
        }
        return new AgentSkills(levels);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void withoutRequirementsEveryAgentIsEligibleAtAnyWait() {
        for (Duration waited : List.of(Duration.ZERO, seconds(30), Duration.ofDays(1))) {
            assertThat(SkillRequirements.NONE.exclusionOf(AgentSkills.NONE, waited)).isEmpty();
            assertThat(SkillRequirements.NONE.exclusionOf(agent("Sales", 1), waited)).isEmpty();
        }
        assertThat(SkillRequirements.NONE.nextChangeAfter(Duration.ZERO)).isEmpty();
        assertThat(SkillRequirements.NONE.matchScore(agent("Sales", 5), Duration.ZERO)).isZero();
        assertThat(SkillRequirements.NONE.describe(Duration.ZERO)).isEqualTo("no skill required");
    }

    @Test
    void aStepOfThirtySecondsAppliesBelowThirtySecondsAndTheNextFromThirtySecondsOn() {
        SkillRequirements widening = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(seconds(30), SALES_4), SkillStep.lasting(seconds(60), SALES_2)), true);
        AgentSkills salesThree = agent("Sales", 3);

        assertThat(widening.exclusionOf(salesThree, Duration.ZERO)).contains(STEP_NOT_REACHED);
        assertThat(widening.exclusionOf(salesThree, seconds(30).minusNanos(1))).contains(STEP_NOT_REACHED);
        assertThat(widening.exclusionOf(salesThree, seconds(30))).isEmpty();
        assertThat(widening.nextChangeAfter(Duration.ZERO)).contains(seconds(30));
        assertThat(widening.nextChangeAfter(seconds(30).minusNanos(1))).contains(seconds(30));
        assertThat(widening.nextChangeAfter(seconds(30))).as("the second step ends 60 s later").contains(seconds(90));
        assertThat(widening.nextChangeAfter(seconds(90).minusNanos(1))).contains(seconds(90));
        assertThat(widening.nextChangeAfter(seconds(90))).as("any member from then on").isEmpty();
        assertThat(widening.exclusionOf(AgentSkills.NONE, seconds(90).minusNanos(1))).contains(STEP_NOT_REACHED);
        assertThat(widening.exclusionOf(AgentSkills.NONE, seconds(90))).isEmpty();
    }

    @Test
    void aLaterStepMayDropACondition() {
        SkillRequirements requirements = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(seconds(20), SALES_3, GERMAN_2), SkillStep.forever(SALES_3)), false);
        AgentSkills salesOnly = agent("Sales", 3);

        assertThat(requirements.exclusionOf(salesOnly, seconds(19))).contains(STEP_NOT_REACHED);
        assertThat(requirements.exclusionOf(salesOnly, seconds(20))).isEmpty();
        assertThat(requirements.exclusionOf(agent("German", 5), seconds(20))).contains(STEP_NOT_REACHED);
    }

    @Test
    void aLaterStepMayNarrowByAddingAConditionOrRaisingALevel() {
        SkillRequirements adding = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(seconds(20), SALES_1), SkillStep.forever(SALES_1, GERMAN_2)), false);
        SkillRequirements raising = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(seconds(20), SALES_1), SkillStep.forever(SALES_4)), false);
        AgentSkills salesTwo = agent("Sales", 2);

        assertThat(adding.exclusionOf(salesTwo, seconds(10))).isEmpty();
        assertThat(adding.exclusionOf(salesTwo, seconds(20))).contains(STEP_NOT_REACHED);
        assertThat(raising.exclusionOf(salesTwo, seconds(10))).isEmpty();
        assertThat(raising.exclusionOf(salesTwo, seconds(20))).contains(STEP_NOT_REACHED);
        assertThat(raising.nextChangeAfter(seconds(20))).as("the last step lasts forever").isEmpty();
        assertThat(raising.exclusionOf(salesTwo, Duration.ofDays(365))).contains(STEP_NOT_REACHED);
    }

    @Test
    void theMinimumIsEnforcedAtEveryStepAndAfterTheLast() {
        SkillRequirements requirements = new SkillRequirements(List.of(GERMAN_2),
                List.of(SkillStep.lasting(seconds(10), SALES_4)), true);
        AgentSkills weakGerman = agent("Sales", 5, "German", 1);
        AgentSkills germanOnly = agent("German", 2);

        for (Duration waited : List.of(Duration.ZERO, seconds(10), Duration.ofDays(1))) {
            assertThat(requirements.exclusionOf(weakGerman, waited)).as("at %s", waited).contains(BELOW_SKILL_MINIMUM);
        }
        assertThat(requirements.exclusionOf(germanOnly, Duration.ZERO)).contains(STEP_NOT_REACHED);
        assertThat(requirements.exclusionOf(germanOnly, seconds(10))).as("any member meeting the minimum").isEmpty();
        assertThat(requirements.exclusionOf(AgentSkills.NONE, seconds(10))).contains(BELOW_SKILL_MINIMUM);
    }

    @Test
    void anAgentBelowTheMinimumIsRecordedSoEvenWhenItAlsoMissesTheStep() {
        SkillRequirements requirements = new SkillRequirements(List.of(GERMAN_2),
                List.of(SkillStep.forever(SALES_4)), false);

        assertThat(requirements.exclusionOf(agent("Sales", 1, "German", 1), Duration.ZERO)).contains(BELOW_SKILL_MINIMUM);
    }

    @Test
    void withoutStepsTheMinimumAloneDecidesFromTheStart() {
        SkillRequirements minimumOnly = new SkillRequirements(List.of(SALES_2), List.of(), false);

        assertThat(minimumOnly.exclusionOf(agent("Sales", 2), Duration.ZERO)).isEmpty();
        assertThat(minimumOnly.exclusionOf(agent("Sales", 1), Duration.ZERO)).contains(BELOW_SKILL_MINIMUM);
        assertThat(minimumOnly.nextChangeAfter(Duration.ZERO)).isEmpty();
    }

    @Test
    void skillNamesAreCaseSensitive() {
        SkillRequirements requirements = new SkillRequirements(List.of(SALES_1), List.of(), false);

        assertThat(requirements.exclusionOf(agent("sales", 5), Duration.ZERO)).contains(BELOW_SKILL_MINIMUM);
        assertThat(agent("sales", 5).levelOf(new SkillName("Sales"))).isZero();
    }

    @Test
    void aWaitBelowZeroCountsAsTheFirstStep() {
        SkillRequirements requirements = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(seconds(30), SALES_4), SkillStep.forever(SALES_1)), false);

        assertThat(requirements.exclusionOf(agent("Sales", 1), seconds(-2))).contains(STEP_NOT_REACHED);
        assertThat(requirements.nextChangeAfter(seconds(-2))).contains(seconds(30));
    }

    @Test
    void theCallsConditionsJoinTheMinimumAndTheStricterLevelHolds() {
        SkillRequirements group = new SkillRequirements(List.of(SALES_2, GERMAN_2),
                List.of(SkillStep.lasting(seconds(10), SALES_3)), true);

        SkillRequirements call = group.withCallConditions(
                List.of(SALES_4, SkillCondition.of("German", 1), SkillCondition.of("English", 1), SkillCondition.of("English", 3)));

        assertThat(call.minimum()).containsExactly(SALES_4, GERMAN_2, SkillCondition.of("English", 3));
        assertThat(call.steps()).isEqualTo(group.steps());
        assertThat(call.anyMemberAfterLastStep()).isTrue();
        assertThat(group.minimum()).as("the group's own requirements are unchanged").containsExactly(SALES_2, GERMAN_2);
        AgentSkills salesThree = agent("Sales", 3, "German", 2, "English", 3);
        assertThat(group.exclusionOf(salesThree, seconds(10))).isEmpty();
        assertThat(call.exclusionOf(salesThree, seconds(10))).as("the call's Sales ≥ 4 holds after the steps").contains(BELOW_SKILL_MINIMUM);
        assertThat(call.exclusionOf(agent("Sales", 4, "German", 2, "English", 3), seconds(10))).isEmpty();
        assertThat(SkillRequirements.NONE.withCallConditions(List.of(SALES_1)))
                .isEqualTo(new SkillRequirements(List.of(SALES_1), List.of(), false));
    }

    @Test
    void theMatchScoreIsHowFarAboveTheLevelsInForceTheAgentIs() {
        SkillRequirements requirements = new SkillRequirements(List.of(GERMAN_2, SALES_2),
                List.of(SkillStep.lasting(seconds(10), SALES_3)), true);

        assertThat(requirements.matchScore(agent("Sales", 3, "German", 2), Duration.ZERO)).as("just meets").isZero();
        assertThat(requirements.matchScore(agent("Sales", 5, "German", 2), Duration.ZERO))
                .as("Sales counts once, against the stricter level 3").isEqualTo(2);
        assertThat(requirements.matchScore(agent("Sales", 3, "German", 4, "English", 5), Duration.ZERO))
                .as("a skill nothing requires does not count").isEqualTo(2);
        assertThat(requirements.matchScore(agent("Sales", 3, "German", 2), seconds(10)))
                .as("after the step only the minimum's Sales ≥ 2").isEqualTo(1);
        assertThat(requirements.matchScore(agent("German", 2), seconds(10))).as("not eligible").isNegative();
    }

    @Test
    void aDecisionRecordNamesTheStepItsConditionsAndTheTimeLeft() {
        SkillRequirements requirements = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(seconds(10), SALES_4), SkillStep.lasting(seconds(30), SALES_3, GERMAN_2),
                        SkillStep.lasting(seconds(60), SALES_1)), true);

        assertThat(requirements.describe(seconds(15))).isEqualTo("step 2 of 3: Sales ≥ 3 AND German ≥ 2, 25 s left");
        assertThat(requirements.describe(Duration.ofMillis(15_200))).as("rounded up")
                .isEqualTo("step 2 of 3: Sales ≥ 3 AND German ≥ 2, 25 s left");
        assertThat(requirements.describe(seconds(40).minusNanos(1))).endsWith(", 1 s left");
        assertThat(requirements.describe(seconds(100))).isEqualTo("after step 3 of 3: any member");
        assertThat(requirements.withCallConditions(List.of(GERMAN_2)).describe(Duration.ZERO))
                .isEqualTo("step 1 of 3: Sales ≥ 4, 10 s left; minimum: German ≥ 2");
        assertThat(new SkillRequirements(List.of(), List.of(SkillStep.forever(SALES_2)), false).describe(seconds(5)))
                .isEqualTo("step 1 of 1: Sales ≥ 2, no time limit");
        assertThat(new SkillRequirements(List.of(SALES_1, GERMAN_2), List.of(), false).describe(seconds(5)))
                .isEqualTo("minimum: Sales ≥ 1 AND German ≥ 2");
    }

    @Test
    void agentSkillsCountAMissingSkillAsZero() {
        assertThat(agent("Sales", 3).levelOf(new SkillName("German"))).isZero();
        assertThat(agent("Sales", 3).levelOf(new SkillName("Sales"))).isEqualTo(3);
    }
}
