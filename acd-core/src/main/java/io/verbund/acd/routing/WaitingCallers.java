package io.verbund.acd.routing;

import java.util.List;

/** Port: the callers waiting in the groups' queues, cluster-wide. */
public interface WaitingCallers {

    /** Every caller waiting in the group, on any node, in no particular order. */
    List<QueueEntry> waitingIn(long groupId);

    /** Whether this node holds the caller's call and can ring phones for it. */
    boolean isHeldHere(QueueEntry caller);

    /** Takes the caller out of the queue, atomically across the cluster: false when someone else did first. */
    boolean take(QueueEntry caller);
}
