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
 * The confirmed caller dialogs of waiting and talking callers, in the replicated cache
 * {@code dialogs}, keyed by call id: what a survivor needs to take a caller over when its node leaves
 * the cluster ({@link CallTakeovers}). Written when the caller's dialog is confirmed and it waits
 * (answer on queue), again when agents' phones ring for it (with their INVITEs), when its agent
 * answers (with the agent's leg), when a re-INVITE changed
 * a leg's session and when the caller goes on hold or is resumed; removed when the call ends or is no
 * longer a two-party call (in a consultation, conference, supervision or transfer). One write per such
 * change, never per packet.
 */
@ApplicationScoped
public class CallerDialogs {

    private static final Logger LOG = Logger.getLogger(CallerDialogs.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/acd/dialogs")
    private Cache<String, String> cache;

    private final String node;
    private final ClusterMembers members;
    private CacheMirror<CallerDialog> mirror;

    @Inject
    public CallerDialogs(@ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node, ClusterMembers members) {
        this.node = node;
        this.members = members;
    }

    protected CallerDialogs() {
        this("node", null);
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
     * Replicates the caller's dialog once it is confirmed (answered on queue) and the caller waits for
     * an agent, whichever came first; with the INVITEs of the phones ringing for it, if any. Called under
     * the call's monitor after either. A caller offered at once is answered while a phone rings for it.
     */
    void waiting(AcdCall call) {
        if (call.answeredInFlow && call.state.isWaitingForAgent() && call.entry != null && call.callerRequest != null
                && call.callerDialog != null) {
            replicate(call, null, call.state.is(CallPhase.OFFERING)
                    ? call.offers.stream().map(offer -> offer.invite().getRequest().toString()).toList() : List.of());
        }
    }

    /**
     * Agents' phones ring for a waiting caller: a replicated dialog is written again with their
     * INVITEs, so a survivor that takes the caller over can CANCEL them (else they ring on for a call
     * their node no longer has, and an agent who picks up talks to nobody). Called under the call's
     * monitor once the INVITEs left.
     */
    void ringing(AcdCall call) {
        if (call.dialogReplicated) {
            waiting(call);
        }
    }

    /**
     * The caller talks to its agent, caller and agent leg anchored here: both dialogs are replicated,
     * so a survivor can re-INVITE both sides. Called under the call's monitor once the agent answered
     * (or a takeover connected it again).
     */
    void talking(AcdCall call) {
        if (isMovableTalk(call)) {
            replicate(call, AgentLegDialog.of(call, call.agentDialog, call.agentInvite.toString(),
                    call.agentMedia.origin().orElse(null)), List.of());
        } else {
            released(call);
        }
    }

    /**
     * After something changed the connected call (hold, resume, a consultation, a conference, a
     * supervisor, a transfer): a two-party call is written again (its hold is part of what a survivor
     * rebuilds), any other is no longer replicated.
     */
    void follow(AcdCall call) {
        boolean movable = isMovableTalk(call);
        if (movable) {
            talking(call);
        } else if (call.dialogReplicated && call.state.isConnected()) {
            released(call);
        } else if (call.dialogReplicated && call.state.isWaitingForAgent()) {
            // A caller answered on queue that a transfer put back into a queue moves again as a waiting one.
            released(call);
            waiting(call);
        }
    }

    /** A re-INVITE changed a leg's session (our CSeq, our origin): the replicated dialog is written again if there is one. */
    void renewed(AcdCall call) {
        if (call.dialogReplicated && call.state.isConnected()) {
            talking(call);
        }
    }

    /** The call is no longer one that moves (ended, or no plain talk): nobody takes it over. */
    void released(AcdCall call) {
        if (!call.dialogReplicated) {
            return;
        }
        call.dialogReplicated = false;
        released(call.callId);
    }

    /** A departed node's call that no survivor goes on with: its entry goes. */
    void released(String callId) {
        try {
            cache.remove(callId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "caller dialog of " + callId + " not removed: " + e.getMessage(), e);
        }
    }

    private void replicate(AcdCall call, AgentLegDialog agentLeg, List<String> ringing) {
        if (!members.hasOthers()) {
            // A node alone has nobody to take its calls over: the write and its encoding would be CPU
            // on every answered call for nothing (the call path measured it). Calls answered before a
            // second node joins stay unreplicated and end with their node, as before.
            return;
        }
        try {
            CallerDialog dialog = CallerDialog.of(call, node, agentLeg, ringing);
            cache.put(dialog.callId(), dialog.encode());
            call.dialogReplicated = true;
        } catch (RuntimeException e) {
            // The call goes on; it only could not be taken over if its node left now.
            LOG.log(Level.WARNING, "caller dialog of " + call.callId + " not replicated: " + e.getMessage(), e);
        }
    }

    /**
     * A caller and its agent talking, or the caller on hold (music from here, the agent hearing
     * silence), nothing else in the call, both legs' media and dialogs here: what a survivor can
     * rebuild with two re-INVITEs and a bridge, or music.
     */
    static boolean isMovableTalk(AcdCall call) {
        return call.callerRequest != null && call.callerDialog != null && call.entry != null && call.state.is(CallPhase.CONNECTED)
                && call.hasAgent() && call.answeredAt != null && call.agentDialog != null && call.agentInvite != null
                && call.agentCallId != null && call.callerMedia != null && call.agentMedia != null
                && call.state.consultationTarget().isEmpty() && call.state.thirdParty().isEmpty() && call.state.supervisor().isEmpty()
                && call.state.transferRinging().isEmpty() && call.transfer == null && call.consulted == null && call.mixing == null
                && !call.state.isOutbound() && !call.state.isCallback();
    }

    /** The replicated dialog of the call, if a node keeps one for it. */
    Optional<CallerDialog> of(String callId) {
        return mirror.get(callId);
    }

    /** The dialogs one of {@code nodes} held. */
    List<CallerDialog> heldBy(Set<String> nodes) {
        return mirror.values().stream().filter(dialog -> nodes.contains(dialog.node())).toList();
    }

    /**
     * Whether the call's agent talks on a call that a survivor takes over: its dialogs are replicated
     * and the node that held it is not among {@code members}. Its agent stays ON_CALL meanwhile.
     */
    boolean movesToASurvivor(String callId, Set<String> members) {
        return mirror.get(callId).filter(dialog -> dialog.isTalking() && !members.isEmpty() && !members.contains(dialog.node())).isPresent();
    }
}
