package io.verbund.acd.portal.callflow;

import io.verbund.acd.callflow.NodeType;
import java.util.List;

/** One entry of the node catalogue, for an editor's palette. */
public record NodeTypeDocument(String type, String title, List<Parameter> parameters, List<String> exits) {

    public record Parameter(String name, boolean required, String expects, String names, String description) {
    }

    static NodeTypeDocument of(NodeType type) {
        return new NodeTypeDocument(type.typeName(), type.title(),
                type.parameters().stream().map(parameter -> new Parameter(parameter.name(), parameter.required(),
                        parameter.format().expectation(), parameter.names().map(Enum::name).orElse(null),
                        parameter.description())).toList(),
                type.exits());
    }
}
