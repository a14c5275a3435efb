package io.verbund.acd.runtime.callflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.verbund.acd.callflow.CallFlowGraph;
import io.verbund.acd.callflow.CallFlowNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallFlowGraphJsonTest {

    @Test
    void readsAGraphWithItsNodesInOrder() {
        CallFlowGraph graph = CallFlowGraphJson.read("""
                {"start": "welcome", "nodes": [
                  {"id": "welcome", "type": "announcement", "parameters": {"prompt": "welcome"}, "exits": {"next": "q"}},
                  {"id": "q", "type": "queue", "parameters": {"group": "Support", "priority": 3, "leaveWhenEmpty": true},
                   "exits": {}}
                ]}""");

        assertThat(graph).isEqualTo(new CallFlowGraph("welcome", List.of(
                new CallFlowNode("welcome", "announcement", Map.of("prompt", "welcome"), Map.of("next", "q")),
                new CallFlowNode("q", "queue", Map.of("group", "Support", "priority", "3", "leaveWhenEmpty", "true"), Map.of()))));
    }

    @Test
    void leavesWhatIsMissingForTheCheckToReport() {
        CallFlowGraph graph = CallFlowGraphJson.read("""
                {"nodes": [{"id": "q", "type": "queue", "parameters": {"group": "Support", "priority": null},
                            "exits": {"timeout": null}},
                           {"type": "hangup"}], "layout": {"q": [10, 20]}}""");

        assertThat(graph.start()).isNull();
        assertThat(graph.nodes()).containsExactly(
                new CallFlowNode("q", "queue", Map.of("group", "Support"), Map.of()),
                new CallFlowNode(null, "hangup", Map.of(), Map.of()));
        assertThat(CallFlowGraphJson.read("{\"start\": \"x\"}")).isEqualTo(new CallFlowGraph("x", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `[]`                                                      | a call-flow graph must be a JSON object, not an array
            `"flow"`                                                  | a call-flow graph must be a JSON object, not a string
            `{"start": 1, "nodes": []}`                               | start must be a string, not a number (1)
            `{"start": "a", "nodes": {}}`                             | nodes must be an array of objects, not an object
            `{"start": "a", "nodes": ["a"]}`                          | nodes[0] must be an object, not a string
            `{"start": "a", "nodes": [{"id": "a"}, {"id": 7}]}`       | nodes[1].id must be a string, not a number (7)
            `{"start": "a", "nodes": [{"id": "a", "type": true}]}`    | nodes[0].type must be a string, not true
            `{"nodes": [{"id": "a", "parameters": []}]}`              | nodes[0].parameters must be an object of strings, numbers and booleans, not an array
            `{"nodes": [{"id": "a", "parameters": {"p": ["x"]}}]}`    | nodes[0].parameters.p must be a string, a number or a boolean, not an array
            `{"nodes": [{"id": "a", "parameters": {"p": {}}}]}`       | nodes[0].parameters.p must be a string, a number or a boolean, not an object
            `{"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c", "exits": "d"}]}` | nodes[2].exits must be an object of strings, not a string
            `{"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c", "exits": {"1": 4}}]}` | nodes[2].exits must be an object of strings (node ids), but "1" is a number (4)
            """)
    void namesWhereAGraphIsMalformed(String json, String message) {
        assertThat(catchThrowable(() -> CallFlowGraphJson.read(json)))
                .isInstanceOf(MalformedCallFlowGraph.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThat(catchThrowable(() -> CallFlowGraphJson.read("{\"start\": \"a\", \"nodes\": [")))
                .isInstanceOf(MalformedCallFlowGraph.class)
                .hasMessageStartingWith("a call-flow graph must be JSON: ");
        assertThat(catchThrowable(() -> CallFlowGraphJson.read("")))
                .isInstanceOf(MalformedCallFlowGraph.class);
        assertThat(catchThrowable(() -> CallFlowGraphJson.read("{\"nodes\": []} {\"nodes\": []}")))
                .as("a second document after the graph")
                .isInstanceOf(MalformedCallFlowGraph.class);
    }

    @Test
    void writesTextThatReadsBackEqualAndIsAlwaysTheSame() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                new CallFlowNode("menu", "dtmf_menu", Map.of("prompt", "menu", "retries", "2"), Map.of("2", "q", "1", "q")),
                new CallFlowNode("q", "queue", Map.of("group", "Support"), Map.of())));

        String json = CallFlowGraphJson.write(graph);

        assertThat(CallFlowGraphJson.read(json)).isEqualTo(graph);
        assertThat(json).isEqualTo("{\"start\":\"menu\",\"nodes\":["
                + "{\"id\":\"menu\",\"type\":\"dtmf_menu\",\"parameters\":{\"prompt\":\"menu\",\"retries\":\"2\"},\"exits\":{\"1\":\"q\",\"2\":\"q\"}},"
                + "{\"id\":\"q\",\"type\":\"queue\",\"parameters\":{\"group\":\"Support\"},\"exits\":{}}]}");
    }

    @Test
    void writesAGraphWithoutStartOrIdsAsItIs() {
        CallFlowGraph graph = new CallFlowGraph(null, List.of(new CallFlowNode(null, null, Map.of(), Map.of())));

        assertThat(CallFlowGraphJson.write(graph)).isEqualTo("{\"nodes\":[{\"parameters\":{},\"exits\":{}}]}");
        assertThat(CallFlowGraphJson.read(CallFlowGraphJson.write(graph))).isEqualTo(graph);
    }
}
