package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The longest each pause reason of a tenant may last (a tenant admin sets them: a 15-minute break, a
 * 60-minute lunch). A pause past its reason's limit ends: the agent is READY again, so a forgotten
 * pause does not keep an agent from its callers for the rest of the shift. Reasons without a limit
 * last until the agent ends them.
 */
public record PauseLimits(Map<String, Duration> byReason) {

    public static final PauseLimits NONE = new PauseLimits(Map.of());

    public PauseLimits {
        byReason = Map.copyOf(byReason);
        byReason.forEach((reason, limit) -> {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the limit of pause reason " + reason + " must be positive, not " + limit);
            }
        });
    }

    /** The agent READY again when its pause has run past its reason's limit; empty otherwise. */
    public Optional<AgentStatus> overrun(AgentStatus status, Instant now) {
        if (status.state() != AgentState.PAUSED || status.reason().isEmpty()) {
            return Optional.empty();
        }
        Duration limit = byReason.get(status.reason().get());
        if (limit == null || now.isBefore(status.since().plus(limit))) {
            return Optional.empty();
        }
        return Optional.of(status.goReady(now));
    }
}
