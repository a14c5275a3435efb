package io.verbund.acd.portal.call;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One routing decision of a call, as {@code GET /calls/{id}/decisions} shows it.
 *
 * @param seq      the decision's place in the call's history
 * @param decision group, groupId, strategy, eligible, chosen (extensions), considered (agent, chosen,
 *                 excluded reason, detail) and excludedCounts (per reason, complete)
 */
public record RoutingDecisionDocument(int seq, Instant at, JsonObject decision) {

    /** The kind of the call's step that holds a decision. */
    static final String KIND = "RoutingDecided";

    static RoutingDecisionDocument of(CallDocument.Step step) {
        return new RoutingDecisionDocument(step.seq(), step.at(), step.data());
    }
}
