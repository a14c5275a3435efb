package io.verbund.acd.statistics;

import io.verbund.acd.statistics.QueueVisit.Ending;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call's queue visits, read from its events in their order. The rules (also in
 * {@code docs/statistics.md}):
 * <ul>
 * <li>{@code CallQueued} opens a visit; queued again in the same group while waiting (after an agent
 * did not answer) it stays the same visit; in another group the waiting visit ends as LEFT.</li>
 * <li>{@code CallAnswered} ends the wait as ANSWERED; the talk lasts until {@code CallEnded}, across
 * transfers, which are counted ({@code Transferred}) and make no second answered call.</li>
 * <li>{@code CallAbandoned} while waiting: ABANDONED. {@code LeftQueue} (the queue node's exit): LEFT,
 * unless what follows before any other queue is voicemail ({@code VoicemailStarted}, or the call
 * ending with outcome VOICEMAIL) or a callback ({@code CallbackRequested}): then that.</li>
 * <li>{@code CallbackRequested} while waiting: CALLBACK. The callback's own offer, attempts and
 * answer make no second visit: a caller who chose a callback is neither an abandon nor answered
 * in the queue's figures; the call's record tells how its callback went.</li>
 * <li>{@code CallEnded} while still waiting: its outcome (ABANDONED, VOICEMAIL), else LEFT.</li>
 * </ul>
 */
public final class QueueVisits {

    private QueueVisits() {
    }

    /** The visits of one call, in the order they began. */
    public static List<QueueVisit> of(String callId, String serviceNumber, List<CallMoment> moments) {
        List<QueueVisit> visits = new ArrayList<>();
        Open open = null;
        int leftAt = -1;
        for (CallMoment moment : moments) {
            switch (moment.type()) {
                case "CallQueued":
                    long group = moment.groupId().orElseThrow(() -> new IllegalArgumentException("CallQueued without a group"));
                    if (open != null && open.ending == Ending.WAITING && open.groupId == group) {
                        break;
                    }
                    if (open != null) {
                        visits.add(open.close(open.ending == Ending.WAITING ? Ending.LEFT : open.ending, moment.at()));
                    }
                    open = new Open(callId, serviceNumber, group, moment.at());
                    leftAt = -1;
                    break;
                case "CallAnswered":
                    if (open != null && open.ending == Ending.WAITING) {
                        open.answered(moment.agent().orElse("?"), moment.at());
                    }
                    break;
                case "Transferred":
                    if (open != null && open.ending == Ending.ANSWERED) {
                        open.transfers++;
                    }
                    break;
                case "CallAbandoned":
                    if (open != null && open.ending == Ending.WAITING) {
                        visits.add(open.close(Ending.ABANDONED, moment.at()));
                        open = null;
                    }
                    break;
                case "LeftQueue":
                    if (open != null && open.ending == Ending.WAITING) {
                        leftAt = visits.size();
                        visits.add(open.close(Ending.LEFT, moment.at()));
                        open = null;
                    }
                    break;
                case "VoicemailStarted":
                    if (open != null && open.ending == Ending.WAITING) {
                        visits.add(open.close(Ending.VOICEMAIL, moment.at()));
                        open = null;
                    } else {
                        leftAt = becomes(visits, leftAt, Ending.VOICEMAIL);
                    }
                    break;
                case "CallbackRequested":
                    if (open != null && open.ending == Ending.WAITING) {
                        visits.add(open.close(Ending.CALLBACK, moment.at()));
                        open = null;
                    } else {
                        leftAt = becomes(visits, leftAt, Ending.CALLBACK);
                    }
                    break;
                case "CallEnded":
                    Ending ending = ending(moment.outcome().orElse(""));
                    if (open != null && open.ending == Ending.WAITING) {
                        visits.add(open.close(ending, moment.at()));
                    } else if (open != null) {
                        visits.add(open.close(open.ending, moment.at()));
                    } else if (ending == Ending.VOICEMAIL) {
                        leftAt = becomes(visits, leftAt, ending);
                    }
                    open = null;
                    break;
                default:
                    break;
            }
        }
        if (open != null) {
            visits.add(open.stillOpen());
        }
        return visits;
    }

    /** The visit that left its queue just before becomes voicemail or a callback; no visit is changed twice. */
    private static int becomes(List<QueueVisit> visits, int leftAt, Ending ending) {
        if (leftAt >= 0) {
            QueueVisit left = visits.get(leftAt);
            visits.set(leftAt, new QueueVisit(left.callId(), left.groupId(), left.serviceNumber(), left.queuedAt(), ending,
                    left.waitEnded(), left.agent(), left.talk(), left.callOver(), left.wrapUp(), left.transfers()));
        }
        return -1;
    }

    private static Ending ending(String outcome) {
        switch (outcome) {
            case "ABANDONED":
                return Ending.ABANDONED;
            case "VOICEMAIL":
                return Ending.VOICEMAIL;
            default:
                return Ending.LEFT;
        }
    }

    /** The visit being read. */
    private static final class Open {

        final String callId;
        final String serviceNumber;
        final long groupId;
        final Instant queuedAt;
        Ending ending = Ending.WAITING;
        Instant answeredAt;
        String agent;
        int transfers;

        Open(String callId, String serviceNumber, long groupId, Instant queuedAt) {
            this.callId = callId;
            this.serviceNumber = serviceNumber;
            this.groupId = groupId;
            this.queuedAt = queuedAt;
        }

        void answered(String by, Instant at) {
            ending = Ending.ANSWERED;
            agent = by;
            answeredAt = at;
        }

        /** The visit over: an answered one's talk ends at {@code at}, any other's wait does. */
        QueueVisit close(Ending as, Instant at) {
            if (as == Ending.ANSWERED) {
                return new QueueVisit(callId, groupId, serviceNumber, queuedAt, as, Optional.of(answeredAt), Optional.of(agent),
                        Duration.between(answeredAt, at), true, Duration.ZERO, transfers);
            }
            return new QueueVisit(callId, groupId, serviceNumber, queuedAt, as, Optional.of(at), Optional.empty(), Duration.ZERO,
                    true, Duration.ZERO, 0);
        }

        /** The call is not over: still waiting, or answered and talking (talk so far unknown: zero). */
        QueueVisit stillOpen() {
            if (ending == Ending.ANSWERED) {
                return new QueueVisit(callId, groupId, serviceNumber, queuedAt, ending, Optional.of(answeredAt), Optional.of(agent),
                        Duration.ZERO, false, Duration.ZERO, transfers);
            }
            return new QueueVisit(callId, groupId, serviceNumber, queuedAt, Ending.WAITING, Optional.empty(), Optional.empty(),
                    Duration.ZERO, false, Duration.ZERO, 0);
        }
    }
}
