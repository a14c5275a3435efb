package io.verbund.acd.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How evenly a group's calls went round its agents over a period: how many offers each got, and how
 * long each had been free when its phone rang. A fair longest-idle group offers every agent about
 * as often, after about as long a rest; wide spreads show agents skipped (skills, penalties, phones
 * not registered) or overworked. Members offered nothing count with zero offers: they are the
 * unfairness a per-offer view would hide.
 *
 * @param members          every member and every agent offered a call in the period, in the group's order
 * @param offers           the offers of the period
 * @param offersPerAgent   offers per agent, over {@code members}
 * @param idleAtOfferSeconds how long the agent had been free when offered, over all offers
 */
public record GroupFairness(List<AgentShare> members, int offers, Figures offersPerAgent, Figures idleAtOfferSeconds) {

    /** One offer of the period: to which agent (extension), after how long free. */
    public record Offer(String extension, Duration idle) {

        public Offer {
            Objects.requireNonNull(extension, "extension");
            if (idle.isNegative()) {
                throw new IllegalArgumentException("an idle time cannot be negative: " + idle);
            }
        }
    }

    /**
     * One agent's share.
     *
     * @param medianIdleSeconds how long it had typically been free when offered; null without offers
     */
    public record AgentShare(String extension, int offers, Double medianIdleSeconds) {
    }

    /** The distribution of one figure; all zero when there is nothing to measure. */
    public record Figures(double min, double median, double p90, double max, double mean, double standardDeviation) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

        static Figures of(double[] values) {
            if (values.length == 0) {
                return NONE;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(0);
            double variance = Arrays.stream(sorted).map(value -> (value - mean) * (value - mean)).sum() / sorted.length;
            return new Figures(sorted[0], percentile(sorted, 50), percentile(sorted, 90), sorted[sorted.length - 1], mean,
                    Math.sqrt(variance));
        }

        /** Nearest rank: a value that occurred, as a report shows it. */
        private static double percentile(double[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    public GroupFairness {
        members = List.copyOf(members);
    }

    /** The fairness of these offers among the group's current {@code members} (extensions, in order). */
    public static GroupFairness of(Collection<String> members, List<Offer> offers) {
        Map<String, List<Duration>> byAgent = new LinkedHashMap<>();
        members.forEach(member -> byAgent.put(member, new ArrayList<>()));
        for (Offer offer : offers) {
            byAgent.computeIfAbsent(offer.extension(), agent -> new ArrayList<>()).add(offer.idle());
        }
        List<AgentShare> shares = new ArrayList<>();
        double[] perAgent = new double[byAgent.size()];
        int i = 0;
        for (Map.Entry<String, List<Duration>> agent : byAgent.entrySet()) {
            double[] idle = seconds(agent.getValue());
            shares.add(new AgentShare(agent.getKey(), idle.length, idle.length == 0 ? null : Figures.of(idle).median()));
            perAgent[i++] = idle.length;
        }
        return new GroupFairness(shares, offers.size(), Figures.of(perAgent),
                Figures.of(seconds(offers.stream().map(Offer::idle).toList())));
    }

    private static double[] seconds(List<Duration> durations) {
        return durations.stream().mapToDouble(duration -> duration.toMillis() / 1000.0).toArray();
    }
}
