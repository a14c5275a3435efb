package io.verbund.acd.telephony.call;

import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.media.SessionDescription.Origin;
import io.verbund.acd.tenant.TenantKey;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A caller's confirmed dialog as the cluster keeps it, so another node can go on with the call when
 * its node leaves: the caller's INVITE as it arrived (its From with the caller's tag, the To, its
 * Contact, the Record-Route that is the dialog's route set, its session offer), our tag, the last
 * CSeq we used in the dialog and the origin of our last session description, and what the call
 * needs to wait on (its place in queue, language and music). For a caller talking to its agent, also
 * the agent's leg ({@link AgentLegDialog}).
 *
 * @param invite   the caller's INVITE, as its text
 * @param localSeq the highest CSeq of a request we sent in the dialog (0 when none)
 * @param entry    its place in queue as the node queued it (also while an agent's phone rings for it, when
 *                 the queue holds no entry)
 * @param origin   the {@code o=} of our last session description to the caller; null when none is known
 * @param agentLeg the agent's leg while the caller talks to its agent; null while it waits
 * @param ringing  the INVITEs to agents' phones ringing for the waiting caller, as sent (their Via
 *                 with the branch a CANCEL must match); empty when none rings
 */
record CallerDialog(String callId, String node, TenantKey tenant, long tenantId, String serviceNumber, String caller,
                    Instant receivedAt, String invite, String localTag, long localSeq, QueueEntry entry, String language,
                    String musicOnHold, Origin origin, AgentLegDialog agentLeg, List<String> ringing) {

    CallerDialog {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(invite, "invite");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(entry, "entry");
        ringing = ringing == null ? List.of() : List.copyOf(ringing);
    }

    /**
     * The dialog of a caller, waiting ({@code agentLeg} null; {@code ringing} the INVITEs of phones that
     * ring for it) or talking to its agent on {@code agentLeg}, as {@code node} holds it.
     */
    static CallerDialog of(AcdCall call, String node, AgentLegDialog agentLeg, List<String> ringing) {
        Origin ours = call.callerMedia == null ? null : call.callerMedia.origin().orElse(null);
        return new CallerDialog(call.callId, node, call.tenant, call.tenantId, call.serviceNumber, call.caller, call.receivedAt,
                call.callerRequest.toString(), call.callerDialog.getLocalTag(), call.callerDialog.getLocalSeqNumber(),
                call.entry, call.language, call.musicOnHold, ours, agentLeg, ringing);
    }

    /** Whether the caller talks to its agent (else it waits in its queue). */
    boolean isTalking() {
        return agentLeg != null;
    }

    String encode() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("callId", callId).add("node", node).add("tenant", tenant.value()).add("tenantId", tenantId)
                .add("serviceNumber", serviceNumber == null ? "" : serviceNumber).add("caller", caller == null ? "" : caller)
                .add("receivedAt", receivedAt.toString()).add("invite", invite).add("localTag", localTag).add("localSeq", localSeq)
                .add("entry", entry.encode()).add("language", language == null ? "" : language).add("musicOnHold", musicOnHold == null ? "" : musicOnHold)
                .add("origin", encode(origin));
        if (agentLeg != null) {
            json.add("agentLeg", agentLeg.encode());
        }
        if (!ringing.isEmpty()) {
            JsonArrayBuilder invites = Json.createArrayBuilder();
            ringing.forEach(invites::add);
            json.add("ringing", invites);
        }
        return json.build().toString();
    }

    static JsonValue encode(Origin origin) {
        return origin == null ? JsonValue.NULL : Json.createObjectBuilder().add("username", origin.username()).add("sessionId", origin.sessionId())
                .add("version", origin.version()).add("address", origin.address()).build();
    }

    static Origin decodeOrigin(JsonValue value) {
        if (!(value instanceof JsonObject json)) {
            return null;
        }
        return new Origin(json.getString("username"), json.getString("sessionId"), json.getJsonNumber("version").longValue(),
                json.getString("address"));
    }

    static CallerDialog decode(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return new CallerDialog(json.getString("callId"), json.getString("node"), new TenantKey(json.getString("tenant")),
                json.getJsonNumber("tenantId").longValue(), json.getString("serviceNumber"), json.getString("caller"),
                Instant.parse(json.getString("receivedAt")), json.getString("invite"), json.getString("localTag"),
                json.getJsonNumber("localSeq").longValue(), QueueEntry.decode(json.getString("entry")), json.getString("language"),
                json.getString("musicOnHold"), decodeOrigin(json.get("origin")),
                json.get("agentLeg") instanceof JsonObject leg ? AgentLegDialog.decode(leg) : null,
                json.get("ringing") instanceof JsonArray invites ? invites.getValuesAs(JsonString::getString) : List.of());
    }
}
