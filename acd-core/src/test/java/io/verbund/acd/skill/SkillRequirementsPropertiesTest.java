package io.verbund.acd.skill;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.routing.Exclusion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The promises of skill requirements over random requirements, agents and waits. The step
 * boundaries are computed here from the steps' durations, not asked of the requirements. Named
 * {@code *Test} so that surefire's default includes run it with the module's build.
 */
class SkillRequirementsPropertiesTest {

    private static final List<String> SKILLS = List.of("Sales", "German", "English", "Billing");
    private static final long LONGEST_STEP_MILLIS = 60_000;

    /** Everything the requirements say about one agent at one wait. */
    record Verdict(Optional<Exclusion> exclusion, int score, Optional<Duration> nextChange) {

        static Verdict of(SkillRequirements requirements, AgentSkills agent, Duration waited) {
            return new Verdict(requirements.exclusionOf(agent, waited), requirements.matchScore(agent, waited),
                    requirements.nextChangeAfter(waited));
        }
    }

    // ---------------------------------------------------------------- properties

    @Property
    void anAgentBelowTheMinimumIsNeverEligible(@ForAll("requirements") SkillRequirements requirements,
            @ForAll("agents") AgentSkills anyAgent, @ForAll("conditions") List<SkillCondition> minimum,
            @ForAll @IntRange(min = 0, max = 9) int missed, @ForAll("waits") List<Duration> waits) {
        SkillRequirements withMinimum = requirements.withCallConditions(minimum);
        SkillCondition failed = withMinimum.minimum().get(missed % withMinimum.minimum().size());
        Map<SkillName, Integer> levels = new HashMap<>(anyAgent.levels());
        levels.remove(failed.skill());
        if (failed.atLeast() > AgentSkills.LOWEST) {
            levels.put(failed.skill(), failed.atLeast() - 1);
        }
        AgentSkills below = new AgentSkills(levels);

        for (Duration waited : waits) {
            assertThat(withMinimum.exclusionOf(below, waited)).as("at %s", waited).contains(Exclusion.BELOW_SKILL_MINIMUM);
        }
    }

    @Property
    void theVerdictChangesOnlyWhereAStepExpires(@ForAll("requirements") SkillRequirements requirements,
            @ForAll("agents") AgentSkills agent, @ForAll @IntRange(min = 0, max = 9) int interval,
            @ForAll @IntRange(min = 0, max = 1000) int first, @ForAll @IntRange(min = 0, max = 1000) int second) {
        List<Duration> starts = stepStarts(requirements);
        int index = interval % starts.size();
        Duration start = starts.get(index);
        Optional<Duration> end = index + 1 < starts.size() ? Optional.of(starts.get(index + 1)) : Optional.empty();
        Duration length = end.map(e -> e.minus(start)).orElse(Duration.ofDays(1));
        Duration one = start.plus(within(length, first));
        Duration other = start.plus(within(length, second));

        Statistics.label("verdict at the interval's start").collect(
                requirements.exclusionOf(agent, start).map(Exclusion::name).orElse("eligible"));
        assertThat(Verdict.of(requirements, agent, one)).isEqualTo(Verdict.of(requirements, agent, other));
        assertThat(requirements.nextChangeAfter(one)).isEqualTo(end);
    }

    @Property
    void theSameInputGivesTheSameOutput(@ForAll("requirements") SkillRequirements requirements,
            @ForAll("agents") AgentSkills agent, @ForAll("waits") List<Duration> waits) {
        SkillRequirements copy = new SkillRequirements(new ArrayList<>(requirements.minimum()),
                new ArrayList<>(requirements.steps()), requirements.anyMemberAfterLastStep());
        List<Map.Entry<SkillName, Integer>> entries = new ArrayList<>(agent.levels().entrySet());
        Collections.reverse(entries);
        Map<SkillName, Integer> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        AgentSkills sameAgent = new AgentSkills(reversed);

        for (Duration waited : waits) {
            assertThat(Verdict.of(copy, sameAgent, waited)).isEqualTo(Verdict.of(requirements, agent, waited));
            assertThat(copy.describe(waited)).isEqualTo(requirements.describe(waited));
        }
    }

    @Property
    void whereStepsOnlyWidenAnEligibleAgentStaysEligible(@ForAll("wideningRequirements") SkillRequirements requirements,
            @ForAll("skilledAgents") AgentSkills agent, @ForAll("waits") List<Duration> waits) {
        List<Duration> ordered = waits.stream().sorted().toList();
        boolean eligibleBefore = requirements.exclusionOf(agent, Duration.ZERO).isEmpty();
        boolean widenedToIt = false;
        for (Duration waited : ordered) {
            boolean eligible = requirements.exclusionOf(agent, waited).isEmpty();
            assertThat(eligible || !eligibleBefore).as("eligible before %s, no longer then", waited).isTrue();
            widenedToIt |= eligible && !eligibleBefore;
            eligibleBefore = eligible;
        }
        // Only agents whose eligibility changes while the caller waits put the steps to the test.
        Statistics.label("became eligible while waiting").collect(widenedToIt);
        Statistics.label("became eligible while waiting").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    // ---------------------------------------------------------------- generators

    /** With "sales", which differs from a required skill by case alone and so meets nothing. */
    @Provide
    Arbitrary<AgentSkills> agents() {
        return Arbitraries.maps(Arbitraries.of("Sales", "German", "English", "Billing", "sales").map(SkillName::new),
                Arbitraries.integers().between(AgentSkills.LOWEST, AgentSkills.HIGHEST)).ofMaxSize(5).map(AgentSkills::new);
    }

    /** Agents holding most skills, so that many meet the minimum and it is the steps that decide. */
    @Provide
    Arbitrary<AgentSkills> skilledAgents() {
        return Arbitraries.maps(Arbitraries.of(SKILLS).map(SkillName::new),
                Arbitraries.integers().between(AgentSkills.LOWEST, AgentSkills.HIGHEST)).ofMinSize(3).ofMaxSize(4).map(AgentSkills::new);
    }

    @Provide
    Arbitrary<List<SkillCondition>> conditions() {
        return conditions(1, 3);
    }

    private static Arbitrary<List<SkillCondition>> conditions(int fewest, int most) {
        return Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.integers().between(AgentSkills.LOWEST, AgentSkills.HIGHEST))
                .ofMinSize(fewest).ofMaxSize(most)
                .map(levels -> levels.entrySet().stream().map(e -> SkillCondition.of(e.getKey(), e.getValue())).toList());
    }

    private static Arbitrary<Duration> stepLengths() {
        return Arbitraries.longs().between(1, LONGEST_STEP_MILLIS).map(Duration::ofMillis);
    }

    @Provide
    Arbitrary<SkillRequirements> requirements() {
        Arbitrary<List<List<SkillCondition>>> stepConditions = conditions(1, 3).list().ofMaxSize(4);
        return Combinators.combine(conditions(0, 2), stepConditions, stepLengths().list().ofSize(4), Arbitraries.of(true, false))
                .as(SkillRequirementsPropertiesTest::requirements);
    }

    /** Each step after the first drops a condition or lowers a level of the one before, or repeats it. */
    @Provide
    Arbitrary<SkillRequirements> wideningRequirements() {
        Arbitrary<List<List<Integer>>> changes = Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(3)
                .list().ofMaxSize(3);
        return Combinators.combine(conditions(0, 1), conditions(1, 4), changes, stepLengths().list().ofSize(4),
                Arbitraries.of(true, false)).as((minimum, first, widenings, lengths, lastForever) -> {
                    List<List<SkillCondition>> stepConditions = new ArrayList<>(List.of(first));
                    for (List<Integer> widening : widenings) {
                        stepConditions.add(widened(stepConditions.get(stepConditions.size() - 1), widening));
                    }
                    return requirements(minimum, stepConditions, lengths, lastForever);
                });
    }

    @Provide
    Arbitrary<List<Duration>> waits() {
        Arbitrary<Duration> wait = Arbitraries.longs().between(0, 5 * LONGEST_STEP_MILLIS * 1_000_000).map(Duration::ofNanos);
        return wait.list().ofMinSize(1).ofMaxSize(8);
    }

    // ---------------------------------------------------------------- helpers

    private static SkillRequirements requirements(List<SkillCondition> minimum, List<List<SkillCondition>> stepConditions,
            List<Duration> lengths, boolean lastForever) {
        List<SkillStep> steps = new ArrayList<>();
        for (int i = 0; i < stepConditions.size(); i++) {
            boolean forever = lastForever && i == stepConditions.size() - 1;
            steps.add(new SkillStep(stepConditions.get(i), forever ? Optional.empty() : Optional.of(lengths.get(i))));
        }
        return new SkillRequirements(minimum, steps, !steps.isEmpty() && !lastForever);
    }

    /** {@code change % 3}: 0 drops, 1 lowers the condition {@code change / 3} picks, 2 keeps it. */
    private static List<SkillCondition> widened(List<SkillCondition> conditions, List<Integer> changes) {
        List<SkillCondition> wider = new ArrayList<>(conditions);
        for (int change : changes) {
            int pick = (change / 3) % wider.size();
            SkillCondition picked = wider.get(pick);
            if (change % 3 == 0 && wider.size() > 1) {
                wider.remove(pick);
            } else if (change % 3 == 1 && picked.atLeast() > AgentSkills.LOWEST) {
                wider.set(pick, new SkillCondition(picked.skill(), picked.atLeast() - 1));
            }
        }
        return wider;
    }

    /** The waits at which each step, and the any-member phase after them, take over: 0 first. */
    private static List<Duration> stepStarts(SkillRequirements requirements) {
        List<Duration> starts = new ArrayList<>(List.of(Duration.ZERO));
        for (SkillStep step : requirements.steps()) {
            step.duration().ifPresent(length -> starts.add(starts.get(starts.size() - 1).plus(length)));
        }
        return starts;
    }

    /** A point {@code thousandths} of the way into an interval of {@code length}, short of its end. */
    private static Duration within(Duration length, int thousandths) {
        long nanos = length.toNanos() / 1000 * thousandths;
        return Duration.ofNanos(Math.min(nanos, length.toNanos() - 1));
    }
}
