package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/**
 * The agent who talked least today gets the next call: shares out the time on the phone, where
 * {@link FewestCalls} shares out the calls (an agent with a few long calls comes after one with
 * many short ones).
 */
public final class LeastTalkTime implements RoutingStrategy {

    private static final Comparator<Candidate> ORDER = Ties.penaltyThen(
            (a, b) -> a.workload().talkTimeToday().compareTo(b.workload().talkTimeToday()));

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        return ORDER;
    }

    @Override
    public boolean ranksAlike(Turn previous, Turn next) {
        return true;
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return "least talk time: " + chosen.extension() + " talked " + chosen.workload().talkTimeToday().toSeconds()
                + " s today";
    }

    @Override
    public boolean ranksByWorkload() {
        return true;
    }
}
