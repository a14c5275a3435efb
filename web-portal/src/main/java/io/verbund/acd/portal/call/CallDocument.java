package io.verbund.acd.portal.call;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A call as the API answers it; {@code steps} (the decision record) only for a single call.
 *
 * @param outcome null while the call runs
 * @param agent   the extension of the agent who answered
 * @param crmUrl  the group's CRM link for this caller, if the group has a CRM URL template
 * @param hasRecording  whether {@code /calls/{id}/recording} has the call's recording (it grows while the call runs)
 * @param hasVoicemail  whether {@code /calls/{id}/voicemail} has the message the caller left
 * @param direction     INBOUND (a caller dialled a service number) or OUTBOUND (an agent placed it: then
 *                      {@code serviceNumber} is the caller ID it presented, {@code caller} the number dialled)
 * @param dialledNumber OUTBOUND: the number the agent called; null otherwise
 */
public record CallDocument(String callId, String caller, String serviceNumber, String group, Instant receivedAt,
                           Instant queuedAt, Instant offeredAt, Instant answeredAt, Instant endedAt, String outcome,
                           String agent, String disposition, String node, String crmUrl,
                           boolean hasRecording, boolean hasVoicemail, String direction, String dialledNumber,
                           List<Step> steps) {

    /**
     * One step of the call's way through the call flow and the queue.
     *
     * @param kind   a past-tense fact: CallReceived, CallQueued, CallOffered, CallAnswered, …
     * @param detail the step in a few words, e.g. the routing strategy's reason for an offer
     * @param data   everything the step recorded
     */
    public record Step(int seq, Instant at, String kind, String flowNode, String agent, String detail, JsonObject data) {
    }
}
