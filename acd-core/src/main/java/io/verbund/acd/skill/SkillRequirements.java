package io.verbund.acd.skill;

import io.verbund.acd.routing.Exclusion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a call requires of the agents it is offered to. The {@code minimum} holds whatever the wait.
 * On top of it the steps apply one after another as the caller waits: the first for its duration
 * from the moment the caller entered the queue, then the next, and so on. A later step may widen the
 * search (drop a condition, lower a level) or narrow it (add one, raise a level). After the last step,
 * if {@code anyMemberAfterLastStep}, the minimum alone decides; otherwise the last step lasts forever.
 * Without steps the minimum alone decides from the start.
 *
 * <p>The step in force depends on the caller's wait alone, never on when a node happened to look, so
 * it changes exactly at a step's expiry and every node agrees on it. A change of step does not move
 * the caller in the queue: its place comes from its priority and the time it entered. A wait below
 * zero (the node that queued the caller has a clock a little ahead) counts as the first step.
 */
public record SkillRequirements(List<SkillCondition> minimum, List<SkillStep> steps, boolean anyMemberAfterLastStep) {

    /** Nothing required: every member is eligible at any wait. */
    public static final SkillRequirements NONE = new SkillRequirements(List.of(), List.of(), false);

    public SkillRequirements {
        minimum = List.copyOf(minimum);
        steps = List.copyOf(steps);
        SkillCondition.requireOnePerSkill(minimum, "minimum");
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).lastsForever()) {
                throw new InvalidSkillRequirements("steps[" + i + "].duration",
                        "only the last step can last forever; steps[" + (i + 1) + "] would never apply");
            }
        }
        if (!steps.isEmpty()) {
            int last = steps.size() - 1;
            if (steps.get(last).lastsForever() && anyMemberAfterLastStep) {
                throw new InvalidSkillRequirements("anyMemberAfterLastStep",
                        "the last step lasts forever, so no call gets past it to any member");
            }
            if (!steps.get(last).lastsForever() && !anyMemberAfterLastStep) {
                throw new InvalidSkillRequirements("steps[" + last + "].duration",
                        "the last step lasts forever unless any member may take the call after it");
            }
        }
    }

    /**
     * These requirements with conditions the call brings (set by its call flow or looked up for it)
     * added to the minimum, so they hold at any wait. Where the call and the minimum name the same
     * skill, or the call names one twice, the stricter level holds.
     */
    public SkillRequirements withCallConditions(List<SkillCondition> call) {
        List<SkillCondition> joined = new ArrayList<>();
        strictest(minimum, call).forEach((skill, level) -> joined.add(new SkillCondition(skill, level)));
        return new SkillRequirements(joined, steps, anyMemberAfterLastStep);
    }

    /**
     * Why {@code agent} may not take the call after the caller waited {@code waited}: below the
     * minimum, or meeting it but not the step in force; empty when it is eligible.
     */
    public Optional<Exclusion> exclusionOf(AgentSkills agent, Duration waited) {
        return at(waited).exclusionOf(agent);
    }

    /** The requirement as it stands at {@code waited}, worked out once to check and rank many agents. */
    public SkillCheck at(Duration waited) {
        List<SkillCondition> stepConditions = inForce(waited).step().map(SkillStep::conditions).orElse(List.of());
        return new SkillCheck(minimum, stepConditions, () -> describe(waited));
    }

    /**
     * The wait at which the step in force after {@code waited} gives way to the next (or to any
     * member), so the distributor can look again exactly then: the caller's time of entering plus this.
     * A step lasting 30 s applies for waits in [0 s, 30 s), so at a wait of 30 s the next one is
     * already in force. Empty when nothing changes any more.
     */
    public Optional<Duration> nextChangeAfter(Duration waited) {
        return inForce(waited).end();
    }

    /**
     * How well {@code agent} matches the conditions in force after {@code waited}, for skills-based
     * routing (higher is offered first): over each skill the minimum and the step in force name, the
     * agent's proficiency minus the level required (the stricter of the two). 0 for an agent that just
     * meets them, negative only for one that is not eligible, and 0 for everyone where nothing is
     * required, leaving the choice to the group's order. All agents are measured against the same levels
     * at one wait, so this ranks them as the sum of their proficiency in the required skills would.
     */
    public int matchScore(AgentSkills agent, Duration waited) {
        return at(waited).matchScore(agent);
    }

    /**
     * The requirement in force after {@code waited}, for a call's decision record, e.g.
     * {@code step 2 of 3: Sales ≥ 3 AND German ≥ 2, 25 s left; minimum: Sales ≥ 1}. The time left is
     * rounded up, so a step in force never shows 0 s.
     */
    public String describe(Duration waited) {
        InForce now = inForce(waited);
        String what;
        if (now.step().isPresent()) {
            String limit = now.end().map(end -> ", " + secondsRoundedUp(end.minus(waited)) + " s left")
                    .orElse(", no time limit");
            what = "step " + (now.index() + 1) + " of " + steps.size() + ": "
                    + SkillCondition.allOf(now.step().get().conditions()) + limit;
        } else if (!steps.isEmpty()) {
            what = "after step " + steps.size() + " of " + steps.size() + ": any member";
        } else {
            return minimum.isEmpty() ? "no skill required" : "minimum: " + SkillCondition.allOf(minimum);
        }
        return minimum.isEmpty() ? what : what + "; minimum: " + SkillCondition.allOf(minimum);
    }

    /**
     * The step in force and the wait at which it ends. {@code index} is {@code steps.size()} with no
     * step once the last one is over (or when there are none): the minimum alone applies then.
     */
    private record InForce(int index, Optional<SkillStep> step, Optional<Duration> end) {
    }

    private InForce inForce(Duration waited) {
        Duration end = Duration.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            SkillStep step = steps.get(i);
            if (step.lastsForever()) {
                return new InForce(i, Optional.of(step), Optional.empty());
            }
            end = end.plus(step.duration().get());
            if (waited.compareTo(end) < 0) {
                return new InForce(i, Optional.of(step), Optional.of(end));
            }
        }
        return new InForce(steps.size(), Optional.empty(), Optional.empty());
    }

    /** The level each named skill is required at, the stricter where both lists name it, in the order named. */
    private static Map<SkillName, Integer> strictest(List<SkillCondition> first, List<SkillCondition> second) {
        Map<SkillName, Integer> levels = new LinkedHashMap<>();
        first.forEach(condition -> levels.merge(condition.skill(), condition.atLeast(), Math::max));
        second.forEach(condition -> levels.merge(condition.skill(), condition.atLeast(), Math::max));
        return levels;
    }

    private static long secondsRoundedUp(Duration left) {
        return left.plusNanos(999_999_999).toSeconds();
    }
}
