package io.verbund.acd.telephony.call;

import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.routing.WaitingCallers;
import io.verbund.acd.runtime.cache.CacheMirror;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.infinispan.Cache;

/**
 * Waiting callers in the replicated cache {@code queues}, keyed by call id, so the queue order
 * holds across nodes. Taking a caller out is a conditional remove: only one node gets it. The
 * distributor's {@link WaitingCallers} port.
 */
@ApplicationScoped
public class QueueStore implements WaitingCallers {

    @Resource(lookup = "java:jboss/infinispan/cache/acd/queues")
    private Cache<String, String> cache;

    private final CallSessions sessions;
    private CacheMirror<QueueEntry> mirror;

    @Inject
    public QueueStore(CallSessions sessions) {
        this.sessions = sessions;
    }

    protected QueueStore() {
        this(null);
    }

    @PostConstruct
    void startMirror() {
        mirror = CacheMirror.of(cache, QueueEntry::decode);
    }

    @PreDestroy
    void stopMirror() {
        mirror.close();
    }

    /** Told of every change of the queue, this node's and the others' ({@link CacheMirror.Changes}). */
    public void watch(CacheMirror.Changes<QueueEntry> watcher) {
        mirror.watch(watcher);
    }

    public void enqueue(QueueEntry entry) {
        cache.put(entry.callId(), entry.encode());
    }

    /** @return true when this caller took the entry out, false when it was already gone */
    @Override
    public boolean take(QueueEntry entry) {
        return cache.remove(entry.callId(), entry.encode());
    }

    public void remove(String callId) {
        cache.remove(callId);
    }

    /** The callers waiting on one of {@code nodes}. */
    public List<QueueEntry> heldBy(Set<String> nodes) {
        return mirror.values().stream().filter(entry -> nodes.contains(entry.node())).toList();
    }

    @Override
    public boolean isHeldHere(QueueEntry caller) {
        return sessions.byCaller(caller.callId()).isPresent();
    }

    @Override
    public List<QueueEntry> waitingIn(long groupId) {
        return mirror.values().stream().filter(entry -> entry.groupId() == groupId).toList();
    }

}
