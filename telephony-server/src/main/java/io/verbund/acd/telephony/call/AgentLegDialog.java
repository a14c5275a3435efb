package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.media.SessionDescription.Origin;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Objects;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.header.RouteHeader;

/**
 * The agent's leg of a talking call as the cluster keeps it beside the caller's dialog
 * ({@link CallerDialog}), so a survivor can re-INVITE the agent's phone in the same dialog: the
 * INVITE we sent it (From with our tag, To, Call-ID, transport), the phone's tag, its Contact (the
 * remote target) and the route set its 200 gave, our last CSeq and the origin of the last session
 * description we gave it; who talks on it since when, and whether its caller is on hold.
 *
 * @param routes     the route set in order, each a Route header's address
 * @param origin     the {@code o=} of our last description to the phone; null when the node relayed the caller's (no leg of its own)
 * @param takeovers  how often the call moved already (each takeover records into a file of its own)
 * @param heldSince  when the caller's hold began; null while it talks
 * @param heldBefore the call's finished holds, added up
 */
record AgentLegDialog(String extension, long agentId, Instant answeredAt, Instant agentSince, String callId, String invite,
                      String remoteTag, String remoteTarget, List<String> routes, long localSeq, Origin origin, int takeovers,
                      Instant heldSince, Duration heldBefore) {

    AgentLegDialog {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(invite, "invite");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routes = List.copyOf(routes);
        Objects.requireNonNull(heldBefore, "heldBefore");
    }

    /** The talking call's agent leg as this node holds it: its dialog as the stack keeps it, and the INVITE that began it. */
    static AgentLegDialog of(AcdCall call, Dialog dialog, String invite, Origin origin) {
        List<String> routes = new ArrayList<>();
        Iterator<?> set = dialog.getRouteSet();
        while (set != null && set.hasNext()) {
            Address hop = ((RouteHeader) set.next()).getAddress();
            routes.add(hop.toString());
        }
        return new AgentLegDialog(call.agent().extension(), call.agentId, call.answeredAt,
                call.agentSince == null ? call.answeredAt : call.agentSince, call.agentCallId, invite, dialog.getRemoteTag(),
                dialog.getRemoteTarget().getURI().toString(), routes, dialog.getLocalSeqNumber(), origin, call.takeovers,
                call.state.onHoldSince().orElse(null), call.state.finishedHolds());
    }

    JsonObject encode() {
        JsonArrayBuilder hops = Json.createArrayBuilder();
        routes.forEach(hops::add);
        return Json.createObjectBuilder().add("extension", extension).add("agentId", agentId).add("answeredAt", answeredAt.toString())
                .add("agentSince", agentSince.toString()).add("callId", callId).add("invite", invite).add("remoteTag", remoteTag)
                .add("remoteTarget", remoteTarget).add("routes", hops).add("localSeq", localSeq)
                .add("origin", CallerDialog.encode(origin)).add("takeovers", takeovers)
                .add("heldSince", heldSince == null ? JsonValue.NULL : Json.createValue(heldSince.toString()))
                .add("heldBeforeMs", heldBefore.toMillis()).build();
    }

    static AgentLegDialog decode(JsonObject json) {
        return new AgentLegDialog(json.getString("extension"), json.getJsonNumber("agentId").longValue(),
                Instant.parse(json.getString("answeredAt")), Instant.parse(json.getString("agentSince")), json.getString("callId"),
                json.getString("invite"), json.getString("remoteTag"), json.getString("remoteTarget"),
                json.getJsonArray("routes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                json.getJsonNumber("localSeq").longValue(), CallerDialog.decodeOrigin(json.get("origin")), json.getInt("takeovers"),
                // Absent in what a node of the version before wrote: a talk without holds.
                json.get("heldSince") instanceof JsonString since ? Instant.parse(since.getString()) : null,
                Duration.ofMillis(json.getJsonNumber("heldBeforeMs") == null ? 0 : json.getJsonNumber("heldBeforeMs").longValue()));
    }
}
