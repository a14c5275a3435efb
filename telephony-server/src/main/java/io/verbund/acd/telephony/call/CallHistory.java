package io.verbund.acd.telephony.call;

import io.verbund.acd.call.CallPhase;

import io.verbund.acd.callflow.FlowStep;
import io.verbund.acd.runtime.callcontrol.TransferTarget;
import io.verbund.acd.telephony.record.CallRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns what happens to a call into call events and call-record moments, and log lines with call id and tenant. */
@ApplicationScoped
public class CallHistory {

    private static final Logger LOG = Logger.getLogger(CallHistory.class.getName());
    /** Once: every Json.createObjectBuilder() looks the provider up again through the service loader. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final CallRecorder recorder;
    private final String node;

    @Inject
    public CallHistory(CallRecorder recorder, @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.recorder = recorder;
        this.node = node;
    }

    protected CallHistory() {
        this(null, null);
    }

    String node() {
        return node;
    }

    void received(AcdCall call) {
        recorder.callReceived(call.callId, call.tenantId, call.serviceNumber, call.caller, call.receivedAt, node);
        event(call, "CallReceived", call.receivedAt, null, null, JSON.createObjectBuilder()
                .add("serviceNumber", call.serviceNumber).add("caller", String.valueOf(call.caller)).build().toString());
    }

    void queued(AcdCall call, String flowNode, Instant at) {
        recorder.mark(call.callId, CallRecorder.Moment.QUEUED, at, call.groupId(), null);
        event(call, "CallQueued", at, null, flowNode, JSON.createObjectBuilder()
                .add("group", call.group.name()).add("priority", call.entry.priority()).build().toString());
    }

    void offered(AcdCall call, AgentOffer offer, String why, Instant at) {
        recorder.mark(call.callId, CallRecorder.Moment.OFFERED, at, call.groupId(), null);
        event(call, "CallOffered", at, offer.agentId(), null, JSON.createObjectBuilder()
                .add("agent", offer.agent().extension()).add("why", why).build().toString());
    }

    /** The offer to this agent stopped because another agent answered first or the caller left. */
    void offerWithdrawn(AcdCall call, AgentOffer offer, String why, Instant at) {
        event(call, "OfferWithdrawn", at, offer.agentId(), null, JSON.createObjectBuilder()
                .add("agent", offer.agent().extension()).add("why", why).build().toString());
    }

    void offerNotTaken(AcdCall call, long agentId, String extension, int status, Instant at) {
        event(call, "OfferNotTaken", at, agentId, null, JSON.createObjectBuilder()
                .add("agent", extension).add("status", status).build().toString());
    }

    void answered(AcdCall call, Instant at) {
        recorder.mark(call.callId, CallRecorder.Moment.ANSWERED, at, call.groupId(), call.agentId);
        event(call, "CallAnswered", at, call.agentId, null, null);
    }

    void abandoned(AcdCall call, Instant at) {
        event(call, "CallAbandoned", at, call.agentId == 0 ? null : call.agentId, null, null);
        recorder.ended(call.callId, "ABANDONED", at);
    }

    /** A call whose node died: its record ends FAILED, written by the node that noticed. */
    void lostWithItsNode(String callId, Instant at) {
        recorder.ended(callId, "FAILED", at);
    }

    void ended(AcdCall call, String outcome, String endedBy, Instant at) {
        event(call, "CallEnded", at, call.agentId == 0 ? null : call.agentId, null,
                JSON.createObjectBuilder().add("outcome", outcome).add("endedBy", endedBy).build().toString());
        recorder.ended(call.callId, outcome, at);
    }

    /** A transfer's outbound leg rings: {@code by} is "flow" or "api:<login>". */
    void transferStarted(AcdCall call, TransferTarget target, String by, Instant at) {
        event(call, "TransferStarted", at, call.agentId == 0 ? null : call.agentId, flowNode(call),
                target(target).add("by", by).build().toString());
    }

    /** A call flow's transfer reached the number: the call has left the flow, talking to it. */
    void transferConnected(AcdCall call, TransferTarget target, Instant at) {
        event(call, "TransferConnected", at, null, flowNode(call), target(target).build().toString());
    }

    /** A connected call was transferred: the caller talks to the target now; the record names the new agent. */
    void transferred(AcdCall call, String from, TransferTarget target, String by, Instant at) {
        if (target.isAgent()) {
            recorder.agentChanged(call.callId, call.agentId);
        }
        event(call, "Transferred", at, call.agentId == 0 ? null : call.agentId, null,
                target(target).add("from", from).add("by", by).build().toString());
    }

    void transferFailed(AcdCall call, TransferTarget target, String why, Instant at) {
        event(call, "TransferFailed", at, call.agentId == 0 ? null : call.agentId, flowNode(call),
                target(target).add("why", why).build().toString());
    }

    private static JsonObjectBuilder target(TransferTarget target) {
        return JSON.createObjectBuilder().add("target", target.toString()).add(target.isAgent() ? "agent" : "number", target.value());
    }

    private static String flowNode(AcdCall call) {
        return call.state.is(CallPhase.CONNECTED) || call.flow == null ? null : call.flow.currentNode().map(node -> node.id()).orElse(null);
    }

    void recordingStarted(AcdCall call, String file, Instant at) {
        recorder.recording(call.callId, file);
        event(call, "RecordingStarted", at, call.agentId == 0 ? null : call.agentId, null,
                JSON.createObjectBuilder().add("file", file).build().toString());
    }

    void voicemailStarted(AcdCall call, String file, String flowNode, Instant at) {
        recorder.voicemail(call.callId, file);
        event(call, "VoicemailStarted", at, null, flowNode, JSON.createObjectBuilder().add("file", file).build().toString());
    }

    /** A step of the call flow, as the interpreter reported it, with what each kind of step knows. */
    void flowStep(AcdCall call, FlowStep step) {
        JsonObjectBuilder detail = JSON.createObjectBuilder().add("step", step.step()).add("nodeType", step.type());
        if (step instanceof FlowStep.ExitTaken exit) {
            detail.add("exit", exit.exit());
            exit.next().ifPresent(next -> detail.add("next", next));
            exit.detail().ifPresent(why -> detail.add("why", why));
        } else if (step instanceof FlowStep.VariablesSet set) {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            set.values().forEach(values::add);
            detail.add("variables", values);
        } else if (step instanceof FlowStep.MenuAskedAgain again) {
            detail.add("attempt", again.attempt());
            again.key().ifPresent(key -> detail.add("key", key));
        } else if (step instanceof FlowStep.FlowEnded ended) {
            detail.add("reason", ended.reason());
        }
        String type = step instanceof FlowStep.FlowEnded ? "FlowEnded" : "Flow" + step.getClass().getSimpleName();
        event(call, type, step.at(), null, step.node(), detail.build().toString());
    }

    void flowStep(AcdCall call, String type, String flowNode, Instant at, String detail) {
        event(call, type, at, null, flowNode, detail);
    }

    private void event(AcdCall call, String type, Instant at, Long agentId, String flowNode, String detail) {
        recorder.event(call.callId, call.tenantId, call.nextEventSeq(), type, at, call.groupId(), agentId, flowNode, node, detail);
        LOG.fine(() -> type + " call " + call.callId + " tenant " + call.tenant);
    }
}
