package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;
import io.verbund.acd.runtime.cache.CacheMirror;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;

/**
 * The confirmed caller dialogs of waiting callers, in the replicated cache {@code dialogs}, keyed by
 * call id: what a survivor needs to take a caller over when its node leaves the cluster
 * ({@link CallTakeovers}). Written when the caller's dialog is confirmed (answer on queue), removed
 * when the call is no longer a waiting caller's (connected, ended).
 */
@ApplicationScoped
public class CallerDialogs {

    private static final Logger LOG = Logger.getLogger(CallerDialogs.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/acd/dialogs")
    private Cache<String, String> cache;

    private final String node;
    private CacheMirror<CallerDialog> mirror;

    @Inject
    public CallerDialogs(@ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.node = node;
    }

    protected CallerDialogs() {
        this("node");
    }

    @PostConstruct
    void startMirror() {
        mirror = CacheMirror.of(cache, CallerDialog::decode);
    }

    @PreDestroy
    void stopMirror() {
        mirror.close();
    }

    /**
     * Replicates the caller's dialog once it is confirmed (answered on queue) and the caller waits in
     * a group's queue, whichever came first; called under the call's monitor after either.
     */
    void waiting(AcdCall call) {
        if (call.answeredInFlow && call.state.is(CallPhase.QUEUED) && call.entry != null && call.callerRequest != null
                && call.callerDialog != null) {
            try {
                CallerDialog dialog = CallerDialog.of(call, node);
                cache.put(dialog.callId(), dialog.encode());
            } catch (RuntimeException e) {
                // The call goes on; it only could not be taken over if its node left now.
                LOG.log(Level.WARNING, "caller dialog of " + call.callId + " not replicated: " + e.getMessage(), e);
            }
        }
    }

    /** The call is no longer a waiting caller's on this node: nobody takes it over. */
    void released(String callId) {
        try {
            cache.remove(callId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "caller dialog of " + callId + " not removed: " + e.getMessage(), e);
        }
    }

    /** The replicated dialog of the call, if a node keeps one for it. */
    Optional<CallerDialog> of(String callId) {
        return mirror.get(callId);
    }

    /** The dialogs one of {@code nodes} held. */
    List<CallerDialog> heldBy(Set<String> nodes) {
        return mirror.values().stream().filter(dialog -> nodes.contains(dialog.node())).toList();
    }
}
