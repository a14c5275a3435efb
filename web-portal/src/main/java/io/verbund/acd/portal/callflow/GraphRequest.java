package io.verbund.acd.portal.callflow;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

/** A graph to check without publishing it: what an editor sends while the admin draws. */
public record GraphRequest(@NotNull JsonObject graph) {
}
