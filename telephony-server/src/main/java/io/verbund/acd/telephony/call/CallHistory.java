package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.CallEvent.CallTakenOver;
import io.verbund.acd.call.CallEvent.CallAbandoned;
import io.verbund.acd.call.CallEvent.CallAnswered;
import io.verbund.acd.call.CallEvent.CallbackAttemptFailed;
import io.verbund.acd.call.CallEvent.CallbackRequested;
import io.verbund.acd.call.CallEvent.CallbackTaken;
import io.verbund.acd.call.CallEvent.CallEnded;
import io.verbund.acd.call.CallEvent.CallHeld;
import io.verbund.acd.call.CallEvent.CallResumed;
import io.verbund.acd.call.CallEvent.ConsultationAnswered;
import io.verbund.acd.call.CallEvent.ConsultationEnded;
import io.verbund.acd.call.CallEvent.ConsultationFailed;
import io.verbund.acd.call.CallEvent.ConsultationStarted;
import io.verbund.acd.call.CallEvent.ConsultationSwapped;
import io.verbund.acd.call.CallEvent.PartyJoined;
import io.verbund.acd.call.CallEvent.PartyLeft;
import io.verbund.acd.call.CallEvent.SupervisionEnded;
import io.verbund.acd.call.CallEvent.SupervisionModeChanged;
import io.verbund.acd.call.CallEvent.SupervisionStarted;
import io.verbund.acd.call.CallEvent.CallOffered;
import io.verbund.acd.call.CallEvent.CallQueued;
import io.verbund.acd.call.CallEvent.AgentPickedUp;
import io.verbund.acd.call.CallEvent.NumberAnswered;
import io.verbund.acd.call.CallEvent.NumberDialled;
import io.verbund.acd.call.CallEvent.OutboundCallFailed;
import io.verbund.acd.call.CallEvent.OutboundCallPlaced;
import io.verbund.acd.call.CallEvent.OfferNotTaken;
import io.verbund.acd.call.CallEvent.OfferWithdrawn;
import io.verbund.acd.call.CallEvent.RoutingDecided;
import io.verbund.acd.call.CallEvent.TransferConnected;
import io.verbund.acd.call.CallEvent.TransferFailed;
import io.verbund.acd.call.CallEvent.TransferStarted;
import io.verbund.acd.call.CallEvent.Transferred;
import io.verbund.acd.call.CallEvent;
import io.verbund.acd.call.CallPhase;
import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.callflow.FlowStep;
import io.verbund.acd.routing.RoutingDecision;
import io.verbund.acd.telephony.directory.GroupMember;
import io.verbund.acd.telephony.record.CallRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
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
    private final CallMeters meters;
    private final String node;

    @Inject
    public CallHistory(CallRecorder recorder, CallMeters meters, @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.recorder = recorder;
        this.meters = meters;
        this.node = node;
    }

    protected CallHistory() {
        this(null, null, null);
    }

    String node() {
        return node;
    }

    void received(AcdCall call) {
        recorder.callReceived(call.callId, call.tenantId, call.serviceNumber, call.caller, call.receivedAt, node);
        event(call, "CallReceived", call.receivedAt, null, null, JSON.createObjectBuilder()
                .add("serviceNumber", call.serviceNumber).add("caller", String.valueOf(call.caller)).build().toString());
    }

    /** An outbound call's record, before any of its events. */
    void placed(AcdCall call) {
        recorder.callPlaced(call.callId, call.tenantId, call.serviceNumber, call.caller, call.receivedAt, node, call.groupId(),
                agentIdOrNull(call));
    }

    /**
     * Stores the events the call recorded since the last time (queued, offered, offer not taken or
     * withdrawn, answered, transfers, abandoned, ended), each as its call event and, where it is
     * one, as a moment of the call record. Called under the call's monitor right after a transition.
     */
    void record(AcdCall call) {
        for (CallEvent event : call.state.takeEvents()) {
            // Java 17: no pattern matching in switch yet; the family is sealed, so the chain is complete.
            if (event instanceof CallQueued queued) {
                if (call.group != null) {
                    call.counters = meters.countersOf(call.group);
                    call.counters.offered();
                }
                recorder.mark(call.callId, CallRecorder.Moment.QUEUED, queued.at(), queued.groupId(), null);
                event(call, queued, null, flowNode(call), JSON.createObjectBuilder()
                        .add("group", call.group == null ? "" : call.group.name()).add("priority", queued.priority()).build().toString());
            } else if (event instanceof RoutingDecided decided) {
                event(call, decided, null, null, decision(call, decided.decision()));
            } else if (event instanceof CallOffered offered) {
                recorder.mark(call.callId, CallRecorder.Moment.OFFERED, offered.at(), call.groupId(), null);
                JsonObjectBuilder detail = JSON.createObjectBuilder()
                        .add("agent", offered.agent().extension()).add("why", offered.why())
                        .add("idleSeconds", offered.idle().toMillis() / 1000.0);
                call.state.callbackNumber().ifPresent(number -> detail.add("callback", number));
                event(call, offered, agentIdOf(call, offered.agent()), null, detail.build().toString());
            } else if (event instanceof CallbackRequested requested) {
                recorder.callback(call.callId, requested.number());
                event(call, requested, null, flowNode(call), JSON.createObjectBuilder()
                        .add("group", call.group == null ? "" : call.group.name()).add("priority", requested.priority())
                        .add("number", requested.number()).build().toString());
            } else if (event instanceof CallbackTaken taken) {
                event(call, taken, agentIdOf(call, taken.agent()), null, JSON.createObjectBuilder()
                        .add("agent", taken.agent().extension()).add("number", taken.number()).add("attempt", taken.attempt())
                        .build().toString());
            } else if (event instanceof CallbackAttemptFailed failed) {
                event(call, failed, null, null, JSON.createObjectBuilder().add("attempt", failed.attempt())
                        .add("outcome", failed.outcome().name()).add("status", failed.sipStatus()).add("why", failed.why())
                        .build().toString());
            } else if (event instanceof OfferNotTaken notTaken) {
                event(call, notTaken, agentIdOf(call, notTaken.agent()), null, JSON.createObjectBuilder()
                        .add("agent", notTaken.agent().extension()).add("status", notTaken.sipStatus()).build().toString());
            } else if (event instanceof OfferWithdrawn withdrawn) {
                event(call, withdrawn, agentIdOf(call, withdrawn.agent()), null, JSON.createObjectBuilder()
                        .add("agent", withdrawn.agent().extension()).add("why", withdrawn.why()).build().toString());
            } else if (event instanceof CallAnswered answered) {
                if (call.counters != null) {
                    call.counters.answered();
                }
                recorder.mark(call.callId, CallRecorder.Moment.ANSWERED, answered.at(), call.groupId(), call.agentId);
                event(call, answered, call.agentId, null, null);
            } else if (event instanceof TransferStarted started) {
                event(call, started, agentIdOrNull(call), flowNode(call), target(started.target()).add("by", started.by()).build().toString());
            } else if (event instanceof TransferFailed failed) {
                event(call, failed, agentIdOrNull(call), flowNode(call), target(failed.target()).add("why", failed.why()).build().toString());
            } else if (event instanceof TransferConnected connected) {
                event(call, connected, null, null, target(connected.target()).build().toString());
            } else if (event instanceof Transferred transferred) {
                if (call.hasAgent() && call.agentId != 0) {
                    // An agent, or the agent a consultation of a group reached, talks to the caller now.
                    recorder.agentChanged(call.callId, call.agentId);
                }
                event(call, transferred, agentIdOrNull(call), null, target(transferred.target())
                        .add("from", transferred.from()).add("by", transferred.by()).build().toString());
            } else if (event instanceof OutboundCallPlaced placed) {
                event(call, placed, agentIdOrNull(call), null, JSON.createObjectBuilder().add("agent", placed.agent().extension())
                        .add("number", placed.number()).add("callerId", placed.callerId()).add("by", placed.by())
                        .add("group", call.group == null ? "" : call.group.name()).build().toString());
            } else if (event instanceof AgentPickedUp pickedUp) {
                event(call, pickedUp, agentIdOrNull(call), null, JSON.createObjectBuilder().add("agent", pickedUp.agent().extension())
                        .build().toString());
            } else if (event instanceof NumberDialled dialled) {
                event(call, dialled, agentIdOrNull(call), null, JSON.createObjectBuilder().add("number", dialled.number())
                        .add("callerId", dialled.callerId()).build().toString());
            } else if (event instanceof NumberAnswered answered) {
                recorder.mark(call.callId, CallRecorder.Moment.ANSWERED, answered.at(), call.groupId(), agentIdOrNull(call));
                event(call, answered, agentIdOrNull(call), null, JSON.createObjectBuilder().add("number", answered.number())
                        .build().toString());
            } else if (event instanceof OutboundCallFailed failed) {
                event(call, failed, agentIdOrNull(call), null, JSON.createObjectBuilder().add("outcome", failed.outcome().name())
                        .add("status", failed.sipStatus()).add("why", failed.why()).build().toString());
            } else if (event instanceof CallHeld held) {
                event(call, held, agentIdOrNull(call), null, JSON.createObjectBuilder().add("by", held.by()).build().toString());
            } else if (event instanceof CallResumed resumed) {
                event(call, resumed, agentIdOrNull(call), null, JSON.createObjectBuilder().add("by", resumed.by())
                        .add("heldSeconds", seconds(resumed.held())).add("totalHeldSeconds", seconds(resumed.totalHeld()))
                        .build().toString());
            } else if (event instanceof ConsultationStarted started) {
                event(call, started, agentIdOrNull(call), null, target(started.target()).add("by", started.by()).build().toString());
            } else if (event instanceof ConsultationAnswered answered) {
                event(call, answered, agentIdOrNull(call), null, target(answered.target()).build().toString());
            } else if (event instanceof ConsultationFailed failed) {
                event(call, failed, agentIdOrNull(call), null, target(failed.target()).add("why", failed.why()).build().toString());
            } else if (event instanceof ConsultationSwapped swapped) {
                event(call, swapped, agentIdOrNull(call), null, JSON.createObjectBuilder().add("talkingTo", swapped.talkingTo())
                        .add("by", swapped.by()).build().toString());
            } else if (event instanceof ConsultationEnded ended) {
                event(call, ended, agentIdOrNull(call), null, target(ended.target()).add("by", ended.by()).build().toString());
            } else if (event instanceof SupervisionStarted started) {
                event(call, started, agentIdOrNull(call), null, JSON.createObjectBuilder().add("mode", started.mode())
                        .add("supervisor", started.supervisor()).build().toString());
            } else if (event instanceof SupervisionModeChanged changed) {
                event(call, changed, agentIdOrNull(call), null, JSON.createObjectBuilder().add("mode", changed.mode())
                        .add("supervisor", changed.supervisor()).build().toString());
            } else if (event instanceof SupervisionEnded ended) {
                event(call, ended, agentIdOrNull(call), null, JSON.createObjectBuilder().add("supervisor", ended.supervisor())
                        .add("by", ended.by()).build().toString());
            } else if (event instanceof PartyJoined joined) {
                event(call, joined, agentIdOrNull(call), null, JSON.createObjectBuilder().add("party", joined.party())
                        .add("via", joined.via()).add("by", joined.by()).build().toString());
            } else if (event instanceof PartyLeft left) {
                event(call, left, agentIdOrNull(call), null, JSON.createObjectBuilder().add("party", left.party())
                        .add("why", left.why()).build().toString());
            } else if (event instanceof CallTakenOver taken) {
                recorder.takenOver(call.callId, taken.byNode());
                event(call, taken, null, null, JSON.createObjectBuilder().add("group", call.group == null ? "" : call.group.name())
                        .add("from", taken.fromNode()).add("by", taken.byNode()).build().toString());
            } else if (event instanceof CallAbandoned abandoned) {
                if (call.counters != null) {
                    call.counters.abandoned();
                }
                event(call, abandoned, call.agentId == 0 ? null : call.agentId, null, null);
                recorder.ended(call.callId, "ABANDONED", abandoned.at());
            } else if (event instanceof CallEnded ended) {
                JsonObjectBuilder detail = JSON.createObjectBuilder().add("outcome", ended.outcome()).add("endedBy", ended.endedBy());
                Duration held = call.state.timeOnHold(ended.at());
                if (!held.isZero()) {
                    // The record's total hold time: every hold, the one the call ended in too.
                    detail.add("totalHeldSeconds", seconds(held));
                }
                event(call, ended, call.agentId == 0 ? null : call.agentId, null, detail.build().toString());
                recorder.ended(call.callId, ended.outcome(), ended.at());
            }
        }
    }

    /**
     * Ends the call with its outcome and who ended it, and stores that with whatever else the call
     * recorded. For phases in which no phone rings for the call (the distribution's own ends go
     * through {@link AgentLegs}, which stops the phones); a call that ended already stays as it is.
     */
    void ended(AcdCall call, String outcome, String endedBy, Instant at) {
        if (!call.state.isEnded() && !call.state.ended(outcome, endedBy, at).isEmpty()) {
            LOG.warning(() -> "call " + call.callId + " ended with phones still ringing for it");
        }
        record(call);
    }

    /**
     * A routing decision as the call's event stores it and {@code GET /calls/{id}/decisions} shows
     * it: the group, the strategy, the agents named (chosen, ranked lower, excluded, each with its
     * ordering key or what excluded it) and the complete count per reason.
     */
    private static String decision(AcdCall call, RoutingDecision decision) {
        JsonArrayBuilder considered = JSON.createArrayBuilder();
        for (RoutingDecision.Considered one : decision.considered()) {
            JsonObjectBuilder agent = JSON.createObjectBuilder().add("agent", one.agent().extension()).add("chosen", one.chosen())
                    .add("detail", one.detail());
            one.excluded().ifPresent(why -> agent.add("excluded", why.name()));
            considered.add(agent);
        }
        JsonObjectBuilder counts = JSON.createObjectBuilder();
        decision.excludedCounts().forEach((why, count) -> counts.add(why.name(), count));
        JsonArrayBuilder chosen = JSON.createArrayBuilder();
        decision.chosen().forEach(agent -> chosen.add(agent.extension()));
        return JSON.createObjectBuilder().add("group", call.group == null ? "" : call.group.name()).add("groupId", decision.groupId())
                .add("strategy", decision.strategy()).add("eligible", decision.eligible()).add("chosen", chosen)
                .add("considered", considered).add("excludedCounts", counts).build().toString();
    }

    /** The agent's id in the database, from the group the call waited in; null when it is not a member. */
    private static Long agentIdOf(AcdCall call, AgentKey agent) {
        if (call.group == null) {
            return null;
        }
        GroupMember member = call.group.membersByExtension().get(agent.extension());
        return member == null ? null : member.agentId();
    }

    /** A call whose node died: its record ends FAILED, written by the node that noticed. */
    void lostWithItsNode(String callId, Instant at) {
        recorder.ended(callId, "FAILED", at);
    }

    private static Long agentIdOrNull(AcdCall call) {
        return call.agentId == 0 ? null : call.agentId;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static JsonObjectBuilder target(TransferTarget target) {
        return JSON.createObjectBuilder().add("target", target.toString()).add(target.kind().name().toLowerCase(java.util.Locale.ROOT),
                target.value());
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
        write(call, call.state.nextSeq(), type, at, agentId, flowNode, detail);
    }

    /** One of the call's own events, with the sequence number the call gave it; its type is its name. */
    private void event(AcdCall call, CallEvent event, Long agentId, String flowNode, String detail) {
        write(call, event.seq(), event.getClass().getSimpleName(), event.at(), agentId, flowNode, detail);
    }

    private void write(AcdCall call, int seq, String type, Instant at, Long agentId, String flowNode, String detail) {
        recorder.event(call.callId, call.tenantId, seq, type, at, call.groupId(), agentId, flowNode, node, detail);
        LOG.fine(() -> type + " call " + call.callId + " tenant " + call.tenant);
    }
}
