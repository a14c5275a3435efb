package io.verbund.acd.runtime.callcontrol;

import io.verbund.acd.call.TransferTarget;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * Asks the node that holds a call to hang it up, to transfer it or to put it on hold: the portal {@link #hangUp}s or
 * {@link #transfer}s by call id; every node's telephony server {@link #watch}es, and the one
 * holding the call carries it out and marks it {@link #done} ({@link #transferDone}). A command
 * nobody claims expires after {@link #LIFESPAN_SECONDS}. Hang-ups are kept under the call id,
 * transfers under {@code transfer:<call id>}, consultation steps under {@code consultation:<call id>},
 * hold and resume under {@code hold:<call id>} (a resume
 * asked right after a hold overwrites it: the later wish counts), so one kind never overwrites another. An outbound call
 * ({@link #placeCall}) is no call of any node yet: every node is told, and the one that
 * {@linkplain #claimOutbound claims} it first places it.
 * Watchers run on Infinispan's notification thread: they must hand the work to another thread
 * (writing a cache from there fails in WildFly), one with the deployment's class loader
 * ({@link io.verbund.acd.runtime.concurrent.DeploymentExecutor}): a managed executor alone passes on
 * the notifying thread's, and a cache write from the task then fails the same way.
 */
@ApplicationScoped
@Listener(observation = Listener.Observation.POST)
public class CallCommands {

    static final long LIFESPAN_SECONDS = 60;
    private static final String HANG_UP = "HANGUP";
    private static final String TRANSFER = "TRANSFER";
    private static final String TRANSFER_KEY = "transfer:";
    private static final String HOLD_KEY = "hold:";
    private static final String CONSULTATION_KEY = "consultation:";
    private static final String OUTBOUND = "OUTBOUND";
    private static final String OUTBOUND_KEY = "outbound:";
    private static final String SUPERVISE = "SUPERVISE";
    private static final String SUPERVISION_KEY = "supervision:";
    private static final String CONFERENCE = "CONFERENCE";
    private static final String CONFERENCE_KEY = "conference:";
    private static final Logger LOG = Logger.getLogger(CallCommands.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/acd/commands")
    private Cache<String, String> cache;

    private final List<BiConsumer<String, String>> hangUpWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<TransferAsked>> transferWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<HoldAsked>> holdWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConsultationAsked>> consultationWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<OutboundCallAsked>> outboundWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<SupervisionAsked>> supervisionWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConferenceAsked>> conferenceWatchers = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    /** @param by who asks, for the call's record and the log */
    public void hangUp(String callId, String by) {
        cache.put(callId, HANG_UP + "|" + by, LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** A blind transfer of the call to the target, asked for by {@code by}. */
    public void transfer(String callId, TransferTarget target, String by) {
        cache.put(TRANSFER_KEY + callId, TRANSFER + "|" + target + "|" + by, LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Puts the connected caller on hold, or takes it off hold, as {@code by} asked. */
    public void hold(String callId, HoldAsked.Kind kind, String by) {
        cache.put(HOLD_KEY + callId, kind.name() + "|" + by, LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code onHold} on this node for every hold and resume asked for on any node. */
    public void watchHolds(Consumer<HoldAsked> onHold) {
        holdWatchers.add(onHold);
        listen();
    }

    public void stopWatchingHolds(Consumer<HoldAsked> onHold) {
        holdWatchers.remove(onHold);
    }

    /** The hold or resume was carried out; a later one asked meanwhile stays for its own watchers. */
    public void holdDone(HoldAsked asked) {
        cache.remove(HOLD_KEY + asked.callId(), asked.kind().name() + "|" + asked.by());
    }

    /** A step of the agent's consultation ({@code consultation:<call id>}; a later step overwrites one not yet carried out). */
    public void consult(ConsultationAsked asked) {
        cache.put(CONSULTATION_KEY + asked.callId(), asked.encode(), LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code onConsultation} on this node for every consultation step asked for on any node. */
    public void watchConsultations(Consumer<ConsultationAsked> onConsultation) {
        consultationWatchers.add(onConsultation);
        listen();
    }

    public void stopWatchingConsultations(Consumer<ConsultationAsked> onConsultation) {
        consultationWatchers.remove(onConsultation);
    }

    /** The step was carried out; a later one asked meanwhile stays. */
    public void consultationDone(ConsultationAsked asked) {
        cache.remove(CONSULTATION_KEY + asked.callId(), asked.encode());
    }

    /**
     * A supervisor joins the call, switches its mode or leaves ({@link SupervisionAsked}); kept under
     * {@code supervision:<call id>}, so a switch replaces an ask not yet carried out.
     */
    public void supervise(SupervisionAsked asked) {
        cache.put(SUPERVISION_KEY + asked.callId(), SUPERVISE + "|" + asked.encode(), LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code onSupervision} on this node for every supervision asked for on any node. */
    public void watchSupervision(Consumer<SupervisionAsked> onSupervision) {
        supervisionWatchers.add(onSupervision);
        listen();
    }

    public void stopWatchingSupervision(Consumer<SupervisionAsked> onSupervision) {
        supervisionWatchers.remove(onSupervision);
    }

    /** The node holding the call took the supervision ask on. */
    public void supervisionDone(String callId) {
        cache.remove(SUPERVISION_KEY + callId);
    }

    /** A third party for the agent's call: rung, then mixed with both. */
    public void conference(ConferenceAsked asked) {
        cache.put(CONFERENCE_KEY + asked.callId(), CONFERENCE + "|" + asked.target() + "|" + asked.by(), LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    public void watchConferences(Consumer<ConferenceAsked> onConference) {
        conferenceWatchers.add(onConference);
        listen();
    }

    public void stopWatchingConferences(Consumer<ConferenceAsked> onConference) {
        conferenceWatchers.remove(onConference);
    }

    public void conferenceDone(String callId) {
        cache.remove(CONFERENCE_KEY + callId);
    }

    /** An outbound call for the agent, which the first node to claim it places. */
    public void placeCall(OutboundCallAsked asked) {
        cache.put(OUTBOUND_KEY + asked.callId(), OUTBOUND + "|" + asked.encode(), LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Takes the outbound call on for this node: true for exactly one node (the replicated cache's
     * removal is decided at the key's owner, which returns the value to one remover only).
     */
    public boolean claimOutbound(String callId) {
        return cache.remove(OUTBOUND_KEY + callId) != null;
    }

    /** Runs {@code onOutbound} on this node for every outbound call asked for on any node. */
    public void watchOutboundCalls(Consumer<OutboundCallAsked> onOutbound) {
        outboundWatchers.add(onOutbound);
        listen();
    }

    public void stopWatchingOutboundCalls(Consumer<OutboundCallAsked> onOutbound) {
        outboundWatchers.remove(onOutbound);
    }

    /** Runs {@code onHangUp(callId, by)} on this node for every hang-up asked for on any node. */
    public void watch(BiConsumer<String, String> onHangUp) {
        hangUpWatchers.add(onHangUp);
        listen();
    }

    /** Runs {@code onTransfer} on this node for every transfer asked for on any node. */
    public void watchTransfers(Consumer<TransferAsked> onTransfer) {
        transferWatchers.add(onTransfer);
        listen();
    }

    private void listen() {
        if (!listening) {
            synchronized (this) {
                if (!listening) {
                    cache.addListener(this);
                    listening = true;
                }
            }
        }
    }

    public void stopWatching(BiConsumer<String, String> onHangUp) {
        hangUpWatchers.remove(onHangUp);
    }

    public void stopWatchingTransfers(Consumer<TransferAsked> onTransfer) {
        transferWatchers.remove(onTransfer);
    }

    /** The command was carried out: other nodes need not look at it again. */
    public void done(String callId) {
        cache.remove(callId);
    }

    /** The transfer was taken on by the node holding the call (its outcome shows in the call's events). */
    public void transferDone(String callId) {
        cache.remove(TRANSFER_KEY + callId);
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void asked(CacheEntryEvent<String, String> event) {
        String value = event.getValue();
        if (event.isPre() || value == null) {
            return;
        }
        if (value.startsWith(TRANSFER + "|") && event.getKey().startsWith(TRANSFER_KEY)) {
            transferAsked(event.getKey().substring(TRANSFER_KEY.length()), value.substring(TRANSFER.length() + 1));
            return;
        }
        if (event.getKey().startsWith(CONSULTATION_KEY)) {
            consultationAsked(event.getKey().substring(CONSULTATION_KEY.length()), value);
            return;
        }
        if (event.getKey().startsWith(HOLD_KEY)) {
            holdAsked(event.getKey().substring(HOLD_KEY.length()), value);
            return;
        }
        if (value.startsWith(SUPERVISE + "|") && event.getKey().startsWith(SUPERVISION_KEY)) {
            String callId = event.getKey().substring(SUPERVISION_KEY.length());
            try {
                notify(supervisionWatchers, SupervisionAsked.decode(callId, value.substring(SUPERVISE.length() + 1)));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "a supervision command for " + callId + " not understood: " + e.getMessage());
            }
            return;
        }
        if (value.startsWith(CONFERENCE + "|") && event.getKey().startsWith(CONFERENCE_KEY)) {
            String callId = event.getKey().substring(CONFERENCE_KEY.length());
            String[] field = value.split("\\|", 3);
            try {
                notify(conferenceWatchers, new ConferenceAsked(callId, TransferTarget.parse(field[1]), field[2]));
            } catch (RuntimeException e) {
                LOG.warning(() -> "a conference command for " + callId + " not understood: " + e.getMessage());
            }
            return;
        }
        if (value.startsWith(OUTBOUND + "|") && event.getKey().startsWith(OUTBOUND_KEY)) {
            outboundAsked(event.getKey().substring(OUTBOUND_KEY.length()), value.substring(OUTBOUND.length() + 1));
            return;
        }
        if (!value.startsWith(HANG_UP + "|")) {
            return;
        }
        String by = value.substring(HANG_UP.length() + 1);
        for (BiConsumer<String, String> watcher : hangUpWatchers) {
            try {
                watcher.accept(event.getKey(), by);
            } catch (RuntimeException e) {
                LOG.warning(() -> "a call command watcher failed: " + e);
            }
        }
    }

    private static <T> void notify(List<Consumer<T>> watchers, T asked) {
        for (Consumer<T> watcher : watchers) {
            try {
                watcher.accept(asked);
            } catch (RuntimeException e) {
                LOG.warning(() -> "a call command watcher failed: " + e);
            }
        }
    }

    private void outboundAsked(String callId, String encoded) {
        OutboundCallAsked asked;
        try {
            asked = OutboundCallAsked.decode(callId, encoded);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "an outbound call command for " + callId + " not understood: " + e.getMessage());
            return;
        }
        notify(outboundWatchers, asked);
    }

    private void consultationAsked(String callId, String encoded) {
        ConsultationAsked asked;
        try {
            asked = ConsultationAsked.decode(callId, encoded);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "a consultation command for " + callId + " not understood: " + e.getMessage());
            return;
        }
        notify(consultationWatchers, asked);
    }

    private void holdAsked(String callId, String kindAndBy) {
        int bar = kindAndBy.indexOf('|');
        HoldAsked asked;
        try {
            asked = new HoldAsked(callId, HoldAsked.Kind.valueOf(kindAndBy.substring(0, Math.max(bar, 0))), kindAndBy.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "a hold command for " + callId + " not understood: " + e.getMessage());
            return;
        }
        notify(holdWatchers, asked);
    }

    private void transferAsked(String callId, String targetAndBy) {
        int bar = targetAndBy.indexOf('|');
        if (bar < 0) {
            return;
        }
        TransferAsked asked;
        try {
            asked = new TransferAsked(callId, TransferTarget.parse(targetAndBy.substring(0, bar)), targetAndBy.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "a transfer command for " + callId + " not understood: " + e.getMessage());
            return;
        }
        notify(transferWatchers, asked);
    }

    @PreDestroy
    void stop() {
        if (listening) {
            cache.removeListener(this);
        }
    }
}
