package io.verbund.acd.portal.callflow;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A call flow as a client sends it: its name and the graph to publish,
 * {@code {"start": id, "nodes": [{"id","type","parameters":{},"exits":{}}]}}.
 *
 * @param version the version the change was made from; required when replacing, ignored on create
 */
public record CallFlowRequest(@NotBlank @Size(max = 100) String name, @NotNull JsonObject graph, Integer version) {
}
