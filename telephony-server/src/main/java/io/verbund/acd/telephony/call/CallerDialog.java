package io.verbund.acd.telephony.call;

import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.tenant.TenantKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Objects;

/**
 * A waiting caller's confirmed dialog as the cluster keeps it, so another node can go on with the
 * call when its node leaves: the caller's INVITE as it arrived (its From with the caller's tag, the
 * To, its Contact, the Record-Route that is the dialog's route set, its session offer), our tag and
 * the last CSeq we used in the dialog, and what the call needs to wait on (its place in queue,
 * language and music).
 *
 * @param invite   the caller's INVITE, as its text
 * @param localSeq the highest CSeq of a request we sent in the dialog (0 when none)
 * @param entry    its place in queue as the node queued it (also while an agent's phone rings for it, when
 *                 the queue holds no entry)
 */
record CallerDialog(String callId, String node, TenantKey tenant, long tenantId, String serviceNumber, String caller,
                    Instant receivedAt, String invite, String localTag, long localSeq, QueueEntry entry, String language,
                    String musicOnHold) {

    CallerDialog {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(invite, "invite");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(entry, "entry");
    }

    /** The dialog of a call answered on queue and waiting in its group, as {@code node} holds it. */
    static CallerDialog of(AcdCall call, String node) {
        return new CallerDialog(call.callId, node, call.tenant, call.tenantId, call.serviceNumber, call.caller, call.receivedAt,
                call.callerRequest.toString(), call.callerDialog.getLocalTag(), call.callerDialog.getLocalSeqNumber(),
                call.entry, call.language, call.musicOnHold);
    }

    String encode() {
        return Json.createObjectBuilder().add("callId", callId).add("node", node).add("tenant", tenant.value()).add("tenantId", tenantId)
                .add("serviceNumber", serviceNumber == null ? "" : serviceNumber).add("caller", caller == null ? "" : caller)
                .add("receivedAt", receivedAt.toString()).add("invite", invite).add("localTag", localTag).add("localSeq", localSeq)
                .add("entry", entry.encode()).add("language", language == null ? "" : language).add("musicOnHold", musicOnHold == null ? "" : musicOnHold).build().toString();
    }

    static CallerDialog decode(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return new CallerDialog(json.getString("callId"), json.getString("node"), new TenantKey(json.getString("tenant")),
                json.getJsonNumber("tenantId").longValue(), json.getString("serviceNumber"), json.getString("caller"),
                Instant.parse(json.getString("receivedAt")), json.getString("invite"), json.getString("localTag"),
                json.getJsonNumber("localSeq").longValue(), QueueEntry.decode(json.getString("entry")), json.getString("language"),
                json.getString("musicOnHold"));
    }
}
