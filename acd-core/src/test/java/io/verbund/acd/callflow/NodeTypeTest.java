package io.verbund.acd.callflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NodeTypeTest {

    @Test
    void eachTypeIsFoundByTheNameAGraphStores() {
        assertThat(NodeType.named("dtmf_menu")).contains(NodeType.DTMF_MENU);
        assertThat(NodeType.named("DTMF_MENU")).isEmpty();
        assertThat(NodeType.named(null)).isEmpty();
        assertThat(Arrays.stream(NodeType.values()).map(NodeType::typeName))
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(NodeType.named(name)).isPresent());
    }

    @Test
    void noTypeNamesAParameterOrAnExitTwice() {
        for (NodeType type : NodeType.values()) {
            assertThat(type.parameters().stream().map(NodeParameter::name)).as(type.typeName()).doesNotHaveDuplicates();
            assertThat(type.exits()).as(type.typeName()).doesNotHaveDuplicates().containsAll(type.choiceExits());
        }
    }

    @Test
    void aMenuOffersTheTwelveKeysAndOnlyAMenuHasChoices() {
        assertThat(NodeType.DTMF_MENU.choiceExits()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
        assertThat(NodeType.DTMF_MENU.exits()).endsWith("no_input", "invalid");
        assertThat(Arrays.stream(NodeType.values()).filter(type -> !type.choiceExits().isEmpty())).containsExactly(NodeType.DTMF_MENU);
    }

    @Test
    void parametersThatNameTenantConfigurationSayWhatTheyName() {
        assertThat(NodeType.QUEUE.parameter("group").flatMap(NodeParameter::names)).contains(TenantResource.GROUP);
        assertThat(NodeType.VOICEMAIL.parameter("greeting").flatMap(NodeParameter::names)).contains(TenantResource.PROMPT);
        assertThat(NodeType.QUEUE.parameter("priority").flatMap(NodeParameter::names)).isEmpty();
    }

    @Test
    void aGraphNamesThePromptsItsNodesPlayAndNothingElse() {
        CallFlowGraph graph = new CallFlowGraph("menu", java.util.List.of(
                new CallFlowNode("menu", "dtmf_menu", java.util.Map.of("prompt", "main-menu", "invalidPrompt", "invalid"), java.util.Map.of("1", "queue")),
                new CallFlowNode("queue", "queue", java.util.Map.of("group", "Sales", "mohPrompt", "jazz"), java.util.Map.of()),
                new CallFlowNode("odd", "no_such_type", java.util.Map.of("prompt", "ignored"), java.util.Map.of())));

        assertThat(graph.references(TenantResource.PROMPT)).containsExactly("invalid", "jazz", "main-menu");
        assertThat(graph.references(TenantResource.GROUP)).containsExactly("Sales");
    }
}
