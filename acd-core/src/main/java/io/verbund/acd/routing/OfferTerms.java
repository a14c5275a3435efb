package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How an ACD group offers a call to an agent: how long the phone rings, how long an agent whose
 * phone did not take it waits before the next offer (redial delays, by reason), and after how many
 * no-answers in a row the agent is paused (0: never). What happens to the agent when an offer ends
 * is decided here.
 */
public record OfferTerms(Duration ringTime, RedialDelays redialDelays, int maxConsecutiveNoAnswers) {

    /** The SIP status of an offer whose phone rang out: no answer within the ring time (408). */
    public static final int RANG_OUT = 408;
    /** The phone is there but its user is not (do-not-disturb, the phone's own no-answer timer). */
    public static final int TEMPORARILY_UNAVAILABLE = 480;

    /** An agent's phone a transfer rings when the call has no group to say otherwise. */
    public static final OfferTerms TRANSFER = new OfferTerms(Duration.ofSeconds(15), RedialDelays.NONE, 0);

    public OfferTerms {
        if (ringTime.isNegative() || ringTime.isZero()) {
            throw new IllegalArgumentException("a phone must ring a while, not " + ringTime);
        }
        Objects.requireNonNull(redialDelays, "redialDelays");
        if (maxConsecutiveNoAnswers < 0) {
            throw new IllegalArgumentException("the no-answer limit cannot be negative");
        }
    }

    /** One redial delay whatever the reason. */
    public static OfferTerms of(int ringSeconds, int redialDelaySeconds, int maxConsecutiveNoAnswers) {
        return of(ringSeconds, RedialDelays.all(Duration.ofSeconds(Math.max(0, redialDelaySeconds))), maxConsecutiveNoAnswers);
    }

    public static OfferTerms of(int ringSeconds, RedialDelays redialDelays, int maxConsecutiveNoAnswers) {
        return new OfferTerms(Duration.ofSeconds(ringSeconds), redialDelays, Math.max(0, maxConsecutiveNoAnswers));
    }

    /**
     * The agent's phone stopped ringing without answering, with {@code sipStatus}: a no-answer
     * (408, 480) counts toward the pause; each keeps the next offer away for its reason's delay.
     */
    public AgentStatus notTaken(AgentStatus offered, int sipStatus, Instant now) {
        boolean noAnswer = isNoAnswer(sipStatus);
        return offered.offerNotTaken(noAnswer, maxConsecutiveNoAnswers, redialDelays.afterStatus(sipStatus).toSeconds(), now);
    }

    /** Whether an offer that ended with this SIP status was not answered (counts toward the pause), rather than refused. */
    public static boolean isNoAnswer(int sipStatus) {
        return sipStatus == RANG_OUT || sipStatus == TEMPORARILY_UNAVAILABLE;
    }

    /**
     * The INVITE to the agent's phone could not be sent (its registration was gone, or unusable):
     * nothing is counted against the agent, but it is kept from the next offer for the unregistered
     * delay, so a broken phone is not tried each pass.
     */
    public AgentStatus notSent(AgentStatus offered, Instant now) {
        return offered.offerNotTaken(false, 0, redialDelays.unregistered().toSeconds(), now);
    }

    /**
     * The ACD itself stopped the phone (another agent answered, the caller left, the call was no
     * longer waiting): not the agent's doing, so it is free at once and nothing is counted.
     */
    public static AgentStatus withdrawn(AgentStatus offered, Instant now) {
        return offered.offerNotTaken(false, 0, 0, now);
    }
}
