package io.verbund.acd.routing;

import java.util.Comparator;

/**
 * What every strategy's order shares: the group penalty comes before the strategy (lower first, as
 * the group's settings promise), and agents the strategy cannot tell apart go longest idle first,
 * then by extension. So every order is total, and every node ranks the same agents the same way.
 *
 * <p>Written out rather than composed from key extractors: an order runs a thousand times per pass.
 */
final class Ties {

    private Ties() {
    }

    /** Lower penalty first, then {@code byStrategy}, then longest idle and extension. */
    static Comparator<Candidate> penaltyThen(Comparator<Candidate> byStrategy) {
        return (a, b) -> {
            int byPenalty = Integer.compare(a.penalty(), b.penalty());
            if (byPenalty != 0) {
                return byPenalty;
            }
            int byKey = byStrategy.compare(a, b);
            return byKey != 0 ? byKey : idleThenExtension(a, b);
        };
    }

    /** Longest idle first, then extension: an agent's extension is unique in its tenant, and so in a group. */
    static int idleThenExtension(Candidate a, Candidate b) {
        int byIdle = a.status().readySince().compareTo(b.status().readySince());
        return byIdle != 0 ? byIdle : a.extension().compareTo(b.extension());
    }
}
