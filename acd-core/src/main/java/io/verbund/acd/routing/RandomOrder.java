package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * A random agent gets the call, yet the same call always draws the same order: each agent's draw is
 * a hash of the call id and the agent, not a random generator's next number. So every node and
 * every pass agrees on the choice, a decision can be replayed, and a re-queued caller is not dealt
 * a new hand on each pass.
 */
public final class RandomOrder implements RoutingStrategy {

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        int call = turn.caller().callId().hashCode();
        return Ties.penaltyThen((a, b) -> Long.compareUnsigned(draw(call, a), draw(call, b)));
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        double draw = (draw(turn.caller().callId().hashCode(), chosen) >>> 11) * 0x1.0p-53;
        return String.format(Locale.ROOT, "random: %s drew %.3f for this call, lowest first", chosen.extension(), draw);
    }

    /**
     * String hashes are fixed by the language, so the draw is the same on every node. MurmurHash3's
     * finaliser spreads them, so call ids that differ in one character still shuffle unalike.
     */
    private static long draw(int call, Candidate candidate) {
        long hash = ((long) call << 32) ^ (candidate.status().agent().toString().hashCode() & 0xffffffffL);
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb93fe53ad96dL;
        hash ^= hash >>> 33;
        return hash;
    }
}
