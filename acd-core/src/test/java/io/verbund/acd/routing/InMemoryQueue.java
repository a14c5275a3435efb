package io.verbund.acd.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The waiting callers as the cluster cache keeps them, seen from one node: every view made with
 * {@link #seenFrom} shares the same entries, and a caller is held by the node its entry names.
 * {@code take} is a conditional remove, so of two takers exactly one gets the caller.
 */
final class InMemoryQueue implements WaitingCallers {

    /** What all nodes' views share, like the one replicated cache behind every node. */
    private static final class Shared {
        final ConcurrentHashMap<String, QueueEntry> entries = new ConcurrentHashMap<>();
        final AtomicInteger takes = new AtomicInteger();
        final AtomicInteger lostTakes = new AtomicInteger();
        volatile Consumer<QueueEntry> beforeTake = caller -> { };
    }

    private final String node;
    private final Shared shared;

    InMemoryQueue(String node) {
        this(node, new Shared());
    }

    private InMemoryQueue(String node, Shared shared) {
        this.node = Objects.requireNonNull(node, "node");
        this.shared = shared;
    }

    /** The same queue as another node sees it. */
    InMemoryQueue seenFrom(String otherNode) {
        return new InMemoryQueue(otherNode, shared);
    }

    String node() {
        return node;
    }

    InMemoryQueue add(QueueEntry caller) {
        if (shared.entries.putIfAbsent(caller.callId(), caller) != null) {
            throw new IllegalStateException("caller queued twice: " + caller.callId());
        }
        return this;
    }

    boolean contains(QueueEntry caller) {
        return caller.equals(shared.entries.get(caller.callId()));
    }

    /** Every caller of every group, for assertions. */
    List<QueueEntry> all() {
        return new ArrayList<>(shared.entries.values());
    }

    /** Runs before every take, so a test can take the caller first, as another thread or node would. */
    void beforeEachTake(Consumer<QueueEntry> hook) {
        shared.beforeTake = Objects.requireNonNull(hook, "hook");
    }

    int takes() {
        return shared.takes.get();
    }

    /** Takes refused because the caller was no longer there. */
    int lostTakes() {
        return shared.lostTakes.get();
    }

    @Override
    public List<QueueEntry> waitingIn(long groupId) {
        List<QueueEntry> waiting = new ArrayList<>();
        for (QueueEntry entry : shared.entries.values()) {
            if (entry.groupId() == groupId) {
                waiting.add(entry);
            }
        }
        return waiting;
    }

    @Override
    public boolean isHeldHere(QueueEntry caller) {
        return caller.node().equals(node);
    }

    @Override
    public boolean take(QueueEntry caller) {
        shared.beforeTake.accept(caller);
        shared.takes.incrementAndGet();
        boolean taken = shared.entries.remove(caller.callId(), caller);
        if (!taken) {
            shared.lostTakes.incrementAndGet();
        }
        return taken;
    }
}
