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
 * @param direction     INBOUND (a caller dialled a service number), OUTBOUND (an agent placed it: then
 *                      {@code serviceNumber} is the caller ID it presented, {@code caller} the number dialled)
 *                      or CALLBACK (a caller who chose to be called back; outcome ANSWERED once the number
 *                      talked to the agent, CALLBACK_FAILED when the group gave up, none while it waits)
 * @param dialledNumber OUTBOUND: the number the agent called; CALLBACK: the number called back; null otherwise
 * @param onHold        whether the caller is on hold now (hears music, its agent silence); like {@code steps},
 *                      only for a single call, null in lists
 * @param heldSeconds   the call's time on hold in all, holds that ended so far (the whole call's once it ended);
 *                      only for a single call, null in lists
 * @param consultation  the agent's consultation going on: RINGING, TALKING (the agent talks to the consulted party)
 *                      or SWAPPED (back with the caller, the consulted party on hold); null when none, and in lists
 * @param conference    the third party that hears caller and agent ("agent:1002", "number:+49…"), added directly or
 *                      from a consultation; null when none, and in lists
 */
public record CallDocument(String callId, String caller, String serviceNumber, String group, Instant receivedAt,
                           Instant queuedAt, Instant offeredAt, Instant answeredAt, Instant endedAt, String outcome,
                           String agent, String disposition, String node, String crmUrl,
                           boolean hasRecording, boolean hasVoicemail, String direction, String dialledNumber,
                           List<Step> steps, Boolean onHold, Double heldSeconds, String consultation,
                           String conference) {

    /** The hold state as the call's steps tell it: CallHeld and CallResumed, the total in CallResumed and CallEnded. */
    static CallDocument withHoldOf(CallDocument call) {
        if (call.steps() == null) {
            return call;
        }
        boolean onHold = false;
        double held = 0;
        String consultation = null;
        String conference = null;
        for (Step step : call.steps()) {
            switch (step.kind()) {
                case "ConsultationStarted" -> {
                    onHold = true;
                    consultation = "RINGING";
                }
                case "ConsultationAnswered" -> consultation = "TALKING";
                case "ConsultationSwapped" -> {
                    boolean withCaller = step.data() != null && "caller".equals(step.data().getString("talkingTo", ""));
                    consultation = withCaller ? "SWAPPED" : "TALKING";
                    onHold = !withCaller;
                }
                case "ConsultationFailed", "ConsultationEnded" -> consultation = null;
                case "PartyJoined" -> {
                    // A consultation made a conference: the caller is off hold, with all three.
                    onHold = false;
                    consultation = null;
                    conference = step.data() == null ? "" : step.data().getString("party", "");
                }
                case "PartyLeft" -> conference = null;
                case "Transferred" -> {
                    onHold = false;
                    consultation = null;
                    conference = null;
                }
                case "CallHeld" -> onHold = true;
                case "CallResumed" -> {
                    onHold = false;
                    held = total(step, held);
                }
                case "CallEnded" -> {
                    onHold = false;
                    consultation = null;
                    conference = null;
                    held = total(step, held);
                }
                default -> { }
            }
        }
        return new CallDocument(call.callId, call.caller, call.serviceNumber, call.group, call.receivedAt, call.queuedAt, call.offeredAt,
                call.answeredAt, call.endedAt, call.outcome, call.agent, call.disposition, call.node, call.crmUrl, call.hasRecording,
                call.hasVoicemail, call.direction, call.dialledNumber, call.steps, onHold, held, consultation, conference);
    }

    private static double total(Step step, double before) {
        return step.data() != null && step.data().containsKey("totalHeldSeconds")
                ? step.data().getJsonNumber("totalHeldSeconds").doubleValue() : before;
    }

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
