package io.verbund.acd.routing;

import io.verbund.acd.skill.SkillRequirements;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One caller's turn in a distribution pass: what an order may depend on besides the agents
 * themselves.
 *
 * @param caller the caller to be offered (a random order is drawn per call)
 * @param lastOffered the member last offered a call of the group, where round robin carries on;
 *        empty before the first offer, or when the strategy does not follow it
 * @param requirements the skills the caller's group requires (and the call adds)
 * @param waited how long the caller has waited: which skill step is in force
 */
public record Turn(QueueEntry caller, Optional<GroupMembership> lastOffered, SkillRequirements requirements, Duration waited) {

    public Turn {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(lastOffered, "lastOffered");
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(waited, "waited");
    }

    /** A turn in a group that requires no skills. */
    public Turn(QueueEntry caller, Optional<GroupMembership> lastOffered) {
        this(caller, lastOffered, SkillRequirements.NONE, Duration.ZERO);
    }

    /** Why the candidate may not take this caller's call (below the minimum, or the step reached), if so. */
    public Optional<Exclusion> skillExclusionOf(Candidate candidate) {
        return requirements.exclusionOf(candidate.member().skills(), waited);
    }

    /**
     * Why the candidate may not take this caller's call now: its skills, or the caller's last agent
     * having the first try (then every other agent waits, however well it fits).
     */
    public Optional<Exclusion> exclusionOf(Candidate candidate, Instant now) {
        Optional<Exclusion> skills = skillExclusionOf(candidate);
        if (skills.isPresent()) {
            return skills;
        }
        if (caller.waitsForLastAgent(now) && !caller.lastAgent().orElseThrow().equals(candidate.status().agent())) {
            return Optional.of(Exclusion.LAST_AGENT_FIRST);
        }
        return Optional.empty();
    }

    /** How far the candidate is above the skills this caller needs now; skills-based routing offers the best match first. */
    public int skillMatchOf(Candidate candidate) {
        return requirements.matchScore(candidate.member().skills(), waited);
    }
}
