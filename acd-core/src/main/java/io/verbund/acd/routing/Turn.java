package io.verbund.acd.routing;

import io.verbund.acd.skill.SkillCheck;
import io.verbund.acd.skill.SkillRequirements;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One caller's turn in a distribution pass: what an order may depend on besides the agents
 * themselves. The skill requirement is worked out for the caller's wait once ({@link SkillCheck}):
 * the pass checks and ranks every free agent against it.
 */
public final class Turn {

    /** One instance: while a caller waits for its last agent, every other free agent a look asks answers this. */
    private static final Optional<Exclusion> LAST_AGENT_FIRST = Optional.of(Exclusion.LAST_AGENT_FIRST);

    private final QueueEntry caller;
    private final Optional<GroupMembership> lastOffered;
    private final SkillRequirements requirements;
    private final Duration waited;
    private final SkillCheck skills;

    /**
     * @param caller the caller to be offered (a random order is drawn per call)
     * @param lastOffered the member last offered a call of the group, where round robin carries on;
     *        empty before the first offer, or when the strategy does not follow it
     * @param requirements the skills the caller's group requires (and the call adds)
     * @param waited how long the caller has waited: which skill step is in force
     */
    public Turn(QueueEntry caller, Optional<GroupMembership> lastOffered, SkillRequirements requirements, Duration waited) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.lastOffered = Objects.requireNonNull(lastOffered, "lastOffered");
        this.requirements = Objects.requireNonNull(requirements, "requirements");
        this.waited = Objects.requireNonNull(waited, "waited");
        this.skills = requirements.at(waited);
    }

    /** A turn in a group that requires no skills. */
    public Turn(QueueEntry caller, Optional<GroupMembership> lastOffered) {
        this(caller, lastOffered, SkillRequirements.NONE, Duration.ZERO);
    }

    public QueueEntry caller() {
        return caller;
    }

    public Optional<GroupMembership> lastOffered() {
        return lastOffered;
    }

    public SkillRequirements requirements() {
        return requirements;
    }

    public Duration waited() {
        return waited;
    }

    /** The skill requirement in force for this caller, as a decision record names it. */
    public String skillsInForce() {
        return skills.describe();
    }

    /** Why the candidate may not take this caller's call (below the minimum, or the step reached), if so. */
    public Optional<Exclusion> skillExclusionOf(Candidate candidate) {
        return skills.exclusionOf(candidate.member().skills());
    }

    /**
     * Why the candidate, skilled enough, may not take this caller's call now: the caller's last agent
     * has the first try (then every other agent waits, however well it fits). Skills apart: a look
     * asks for them separately, and may know them from the caller before.
     */
    Optional<Exclusion> lastAgentExclusionOf(Candidate candidate, Instant now) {
        if (caller.lastAgent().isPresent() && caller.waitsForLastAgent(now)
                && !caller.lastAgent().get().equals(candidate.status().agent())) {
            return LAST_AGENT_FIRST;
        }
        return Optional.empty();
    }

    /** Whether this turn checks skills exactly as {@code other} does: the same agents lack the same skills for both. */
    boolean checksSkillsAs(Turn other) {
        return skills.sameAs(other.skills);
    }

    /** How far the candidate is above the skills this caller needs now; skills-based routing offers the best match first. */
    public int skillMatchOf(Candidate candidate) {
        // Worked out on every call: a few array reads cost less than remembering it per agent.
        return skills.matchScore(candidate.member().skills());
    }
}
