package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a caller was offered to whom: the decision record of one offer. It names the agents chosen,
 * the eligible ones the strategy ranked lower (best first, with their ordering key), the members
 * excluded and why, and how many members each reason excluded. A group of thousands would make a
 * record per offer as large as the group, so at most {@link #LISTED} agents are named per list; the
 * counts are always complete.
 *
 * @param strategy  the group's strategy, as configured
 * @param considered the agents named, chosen first, then ranked lower, then excluded
 * @param excludedCounts how many members each reason excluded, all of them
 */
public record RoutingDecision(long groupId, String strategy, Instant at, List<Considered> considered,
                              Map<Exclusion, Integer> excludedCounts, int eligible) {

    /** Agents named per list (chosen, ranked lower, excluded). */
    public static final int LISTED = 10;

    /**
     * One agent as the decision saw it.
     *
     * @param chosen   the agent's phone rings for the caller
     * @param excluded why it could not be offered the call; empty for an eligible agent
     * @param detail   the ordering key of an eligible agent ("idle 42 s"), or what excluded it ("PAUSED: LUNCH")
     */
    public record Considered(AgentKey agent, boolean chosen, Optional<Exclusion> excluded, String detail) {

        public Considered {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(excluded, "excluded");
            Objects.requireNonNull(detail, "detail");
            if (chosen && excluded.isPresent()) {
                throw new IllegalArgumentException(agent + " cannot be chosen and excluded");
            }
        }
    }

    public RoutingDecision {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(at, "at");
        considered = List.copyOf(considered);
        EnumMap<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        counts.putAll(excludedCounts);
        excludedCounts = Collections.unmodifiableMap(counts);
    }

    /** The agents whose phones ring for the caller: one, or several with ring-all. */
    public List<AgentKey> chosen() {
        return considered.stream().filter(Considered::chosen).map(Considered::agent).toList();
    }

    /** The agents named as excluded for this reason (at most {@link #LISTED}). */
    public List<AgentKey> excludedFor(Exclusion reason) {
        return considered.stream().filter(c -> c.excluded().filter(reason::equals).isPresent()).map(Considered::agent).toList();
    }

    /** Collects a decision's agents as the distributor meets them, keeping the lists short. */
    public static final class Builder {

        private final long groupId;
        private final String strategy;
        private final Instant at;
        private final List<Considered> chosen = new ArrayList<>();
        private final List<Considered> rankedLower = new ArrayList<>();
        private final List<Considered> excluded = new ArrayList<>();
        private final EnumMap<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        private int eligible;

        public Builder(long groupId, String strategy, Instant at) {
            this.groupId = groupId;
            this.strategy = strategy;
            this.at = at;
        }

        public Builder chose(AgentKey agent, String orderingKey) {
            eligible++;
            chosen.add(new Considered(agent, true, Optional.empty(), orderingKey));
            return this;
        }

        /** Eligible, but another came first; named in rank order, so call it best first. */
        public Builder rankedLower(AgentKey agent, String orderingKey) {
            eligible++;
            counts.merge(Exclusion.RANKED_LOWER, 1, Integer::sum);
            if (rankedLower.size() < LISTED) {
                rankedLower.add(new Considered(agent, false, Optional.of(Exclusion.RANKED_LOWER), orderingKey));
            }
            return this;
        }

        public Builder excluded(AgentKey agent, Exclusion why, String detail) {
            if (why == Exclusion.RANKED_LOWER) {
                return rankedLower(agent, detail);
            }
            counts.merge(why, 1, Integer::sum);
            if (excluded.size() < LISTED) {
                excluded.add(new Considered(agent, false, Optional.of(why), detail));
            }
            return this;
        }

        /** More eligible agents ranked lower, counted but not named. */
        public Builder alsoRankedLower(int count) {
            eligible += Math.max(0, count);
            return alsoExcluded(Exclusion.RANKED_LOWER, count);
        }

        /** More members excluded for this reason, counted but not named. */
        public Builder alsoExcluded(Exclusion why, int count) {
            if (count > 0) {
                counts.merge(why, count, Integer::sum);
            }
            return this;
        }

        public RoutingDecision build() {
            List<Considered> all = new ArrayList<>(chosen);
            all.addAll(rankedLower);
            all.addAll(excluded);
            return new RoutingDecision(groupId, strategy, at, all, counts, eligible);
        }
    }
}
