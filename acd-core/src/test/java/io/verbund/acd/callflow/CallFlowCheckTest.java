package io.verbund.acd.callflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CallFlowCheckTest {

    /** A tenant with the prompts, groups and opening hours the flows below name. */
    private static final CallFlowReferences TENANT = new CallFlowReferences() {
        @Override
        public boolean hasPrompt(String name) {
            return Set.of("welcome", "menu", "invalid", "moh", "voicemail").contains(name);
        }

        @Override
        public boolean hasGroup(String name) {
            return Set.of("Sales", "Support").contains(name);
        }

        @Override
        public boolean hasOpeningHours(String name) {
            return name.equals("Office");
        }
    };

    private final CallFlowCheck check = new CallFlowCheck(TENANT);

    @Test
    void aFlowUsingEveryNodeTypeWithEveryParameterPasses() {
        CallFlowGraph graph = new CallFlowGraph("welcome", List.of(
                node("welcome", "announcement", Map.of("prompt", "welcome"), Map.of("next", "hours")),
                node("hours", "opening_hours", Map.of("openingHours", "Office"), Map.of("open", "menu", "closed", "vm")),
                node("menu", "dtmf_menu", Map.of("prompt", "menu", "timeoutSeconds", "5", "retries", "2", "invalidPrompt", "invalid"),
                        Map.of("1", "sales", "2", "lookup", "*", "transfer", "no_input", "sales", "invalid", "vm")),
                node("sales", "queue", Map.of("group", "Sales", "priority", "3", "maxWaitSeconds", "300",
                        "announceEverySeconds", "30", "mohPrompt", "moh", "leaveWhenEmpty", "true"),
                        Map.of("timeout", "vm", "empty", "vm")),
                node("lookup", "http_lookup", Map.of("url", "https://crm.example.com/caller?x=1", "timeoutMillis", "2000"),
                        Map.of("next", "remember", "failed", "sales")),
                node("remember", "set_variable", Map.of("name", "customer_tier", "value", "gold"), Map.of("next", "sales")),
                node("transfer", "transfer", Map.of("number", "+4940123456"), Map.of("failed", "vm")),
                node("vm", "voicemail", Map.of("greeting", "voicemail", "maxSeconds", "120"), Map.of("next", "bye")),
                node("bye", "hangup", Map.of(), Map.of())));

        assertThat(check.violations(graph)).isEmpty();
    }

    @Test
    void exitsWithNothingConnectedAndOptionalParametersLeftOutAreFine() {
        CallFlowGraph graph = new CallFlowGraph("q", List.of(
                node("q", "queue", Map.of("group", "Support"), Map.of()),
                node("vm", "voicemail", Map.of(), Map.of())));

        assertThat(check.violations(new CallFlowGraph("q", List.of(graph.nodes().get(0))))).isEmpty();
        assertThat(check.violations(new CallFlowGraph("vm", List.of(graph.nodes().get(1))))).isEmpty();
    }

    @Test
    void aFlowWithoutNodesIsReported() {
        assertThat(check.violations(new CallFlowGraph("start", List.of())))
                .containsExactly(new CallFlowViolation(null, "nodes", "the flow has no nodes"));
    }

    @Test
    void aFlowWithoutStartIsReported() {
        CallFlowNode only = node("q", "queue", Map.of("group", "Support"), Map.of());

        assertThat(check.violations(new CallFlowGraph(null, List.of(only))))
                .containsExactly(new CallFlowViolation(null, "start", "the flow names no start node"));
        assertThat(check.violations(new CallFlowGraph(" ", List.of(only))))
                .containsExactly(new CallFlowViolation(null, "start", "the flow names no start node"));
    }

    @Test
    void aStartThatIsNoNodeIsReportedAndReachabilityIsNotGuessed() {
        CallFlowGraph graph = new CallFlowGraph("welcome", List.of(
                node("q", "queue", Map.of("group", "Support"), Map.of()),
                node("bye", "hangup", Map.of(), Map.of())));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation(null, "start", "the start node \"welcome\" is not a node of this flow"));
    }

    @Test
    void aRepeatedIdIsReportedAtEachLaterNode() {
        CallFlowGraph graph = new CallFlowGraph("a", List.of(
                node("a", "announcement", Map.of("prompt", "welcome"), Map.of("next", "b")),
                node("b", "hangup", Map.of(), Map.of()),
                node("a", "hangup", Map.of(), Map.of())));

        assertThat(check.violations(graph)).containsExactly(new CallFlowViolation("a", "id",
                "node \"a\" (#3): id \"a\" is already used by node #1; ids must be unique"));
    }

    @Test
    void aNodeWithoutIdIsNamedByItsPosition() {
        CallFlowGraph graph = new CallFlowGraph("q", List.of(
                node("q", "queue", Map.of("group", "Support"), Map.of()),
                node("", "hangup", Map.of(), Map.of()),
                node(null, "hangup", Map.of(), Map.of())));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation("", "id", "node #2: has no id"),
                new CallFlowViolation(null, "id", "node #3: has no id"));
    }

    @ParameterizedTest
    @MethodSource("idsOutsideTheirFormat")
    void anIdOutsideLettersDigitsUnderscoreAndHyphenOrLongerThan64IsReported(String id) {
        CallFlowGraph graph = new CallFlowGraph(id, List.of(node(id, "hangup", Map.of(), Map.of())));

        assertThat(check.violations(graph)).singleElement().satisfies(violation -> {
            assertThat(violation.nodeId()).isEqualTo(id);
            assertThat(violation.field()).isEqualTo("id");
            assertThat(violation.message()).endsWith("may only have letters, digits, _ and -, at most 64 of them");
        });
    }

    static List<String> idsOutsideTheirFormat() {
        return List.of("main menu", "menü", "a.b", "a/b", "x".repeat(65));
    }

    @Test
    void anIdOf64LettersDigitsUnderscoresAndHyphensIsFine() {
        String id = "A-z_" + "0".repeat(60);
        assertThat(check.violations(new CallFlowGraph(id, List.of(node(id, "hangup", Map.of(), Map.of()))))).isEmpty();
    }

    @Test
    void anUnknownTypeIsReportedWithTheKnownTypes() {
        CallFlowGraph graph = new CallFlowGraph("ivr", List.of(
                node("ivr", "speech_menu", Map.of("anything", "goes"), Map.of("yes", "q", "no", "nowhere")),
                node("q", "queue", Map.of("group", "Support"), Map.of())));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation("ivr", "type", "node \"ivr\": type \"speech_menu\" is not a node type; the types are "
                        + "announcement, dtmf_menu, opening_hours, queue, voicemail, transfer, http_lookup, set_variable, callback, hangup"),
                new CallFlowViolation("ivr", "exits.no", "node \"ivr\": exit \"no\" leads to \"nowhere\", which is not a node of this flow"));
    }

    @Test
    void aNodeWithoutTypeIsReported() {
        CallFlowGraph graph = new CallFlowGraph("x", List.of(node("x", null, Map.of(), Map.of())));

        assertThat(check.violations(graph)).singleElement()
                .satisfies(violation -> assertThat(violation.message()).startsWith("node \"x\": has no type; the types are announcement,"));
    }

    @Test
    void aMissingRequiredParameterIsReported() {
        CallFlowGraph graph = new CallFlowGraph("t", List.of(node("t", "transfer", Map.of(), Map.of())));

        assertThat(check.violations(graph)).containsExactly(new CallFlowViolation("t", "parameters.number",
                "node \"t\": parameter \"number\" is missing; it is a number in E.164 form, such as +4940123456"));
    }

    @Test
    void everyRequiredParameterOfEveryTypeIsRequired() {
        for (NodeType type : NodeType.values()) {
            List<String> required = type.parameters().stream().filter(NodeParameter::required).map(NodeParameter::name).toList();
            CallFlowGraph bare = new CallFlowGraph("n", List.of(node("n", type.typeName(), Map.of(), Map.of())));

            List<String> reported = new ArrayList<>();
            check.violations(bare).stream().filter(violation -> violation.field().startsWith("parameters."))
                    .forEach(violation -> reported.add(violation.field().substring("parameters.".length())));
            assertThat(reported).as(type.typeName()).isEqualTo(required);
        }
    }

    @Test
    void anUnknownParameterIsReportedWithTheTypesParameters() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                node("menu", "dtmf_menu", Map.of("prompt", "menu", "attempts", "2"), Map.of("1", "bye", "2", "hello")),
                node("hello", "announcement", Map.of("prompt", "welcome", "text", "Hello"), Map.of()),
                node("bye", "hangup", Map.of("prompt", "welcome"), Map.of())));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation("menu", "parameters.attempts", "node \"menu\": a dtmf_menu node has no parameter \"attempts\""
                        + " (its parameters are prompt, timeoutSeconds, retries, invalidPrompt)"),
                new CallFlowViolation("hello", "parameters.text",
                        "node \"hello\": an announcement node has no parameter \"text\" (its parameters are prompt)"),
                new CallFlowViolation("bye", "parameters.prompt", "node \"bye\": a hangup node has no parameter \"prompt\" (it takes none)"));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dtmf_menu     | timeoutSeconds       | 0                     | a whole number from 1 to 60
            dtmf_menu     | timeoutSeconds       | 61                    | a whole number from 1 to 60
            dtmf_menu     | timeoutSeconds       | five                  | a whole number from 1 to 60
            dtmf_menu     | timeoutSeconds       | 5.0                   | a whole number from 1 to 60
            dtmf_menu     | timeoutSeconds       | ' 5'                  | a whole number from 1 to 60
            dtmf_menu     | retries              | 10                    | a whole number from 0 to 9
            dtmf_menu     | retries              | -1                    | a whole number from 0 to 9
            queue         | priority             | 101                   | a whole number from 0 to 100
            queue         | priority             | 99999999999999999999  | a whole number from 0 to 100
            queue         | maxWaitSeconds       | 0                     | a whole number of at least 1
            queue         | announceEverySeconds | -30                   | a whole number of at least 1
            queue         | leaveWhenEmpty       | yes                   | true or false
            queue         | leaveWhenEmpty       | TRUE                  | true or false
            voicemail     | maxSeconds           | 4                     | a whole number from 5 to 600
            voicemail     | maxSeconds           | 601                   | a whole number from 5 to 600
            transfer      | number               | 040123456             | a number in E.164 form, such as +4940123456
            transfer      | number               | +0123456              | a number in E.164 form, such as +4940123456
            transfer      | number               | +1                    | a number in E.164 form, such as +4940123456
            transfer      | number               | +1234567890123456     | a number in E.164 form, such as +4940123456
            transfer      | number               | +49 40 123456         | a number in E.164 form, such as +4940123456
            http_lookup   | url                  | ftp://crm.example.com | an http or https URL
            http_lookup   | url                  | crm.example.com/x     | an http or https URL
            http_lookup   | url                  | https://              | an http or https URL
            http_lookup   | url                  | http://exa mple.com   | an http or https URL
            http_lookup   | timeoutMillis        | 99                    | a whole number from 100 to 10000
            http_lookup   | timeoutMillis        | 10001                 | a whole number from 100 to 10000
            set_variable  | name                 | 1st                   | a letter or _ followed by at most 39 letters, digits or _
            set_variable  | name                 | customer-tier         | a letter or _ followed by at most 39 letters, digits or _
            set_variable  | name                 | a2345678901234567890123456789012345678901 | a letter or _ followed by at most 39 letters, digits or _
            announcement  | prompt               | ' '                   | the name of a prompt
            queue         | group                | ''                    | the name of an ACD group
            opening_hours | openingHours         | ''                    | the name of opening hours
            """)
    void aValueOutsideItsFormatIsReported(String type, String parameter, String value, String expectation) {
        CallFlowGraph graph = new CallFlowGraph("n", List.of(node("n", type, validParametersWith(type, parameter, value), keyIfMenu(type))));

        assertThat(check.violations(graph)).containsExactly(new CallFlowViolation("n", "parameters." + parameter,
                "node \"n\": parameter \"" + parameter + "\" must be " + expectation + ", not \"" + value + "\""));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dtmf_menu    | timeoutSeconds       | 1
            dtmf_menu    | timeoutSeconds       | 60
            dtmf_menu    | retries              | 0
            dtmf_menu    | retries              | 9
            queue        | priority             | 0
            queue        | priority             | 9
            queue        | priority             | 100
            queue        | maxWaitSeconds       | 1
            queue        | announceEverySeconds | 2147483647
            queue        | leaveWhenEmpty       | false
            voicemail    | maxSeconds           | 5
            voicemail    | maxSeconds           | 600
            transfer     | number               | +12
            transfer     | number               | +123456789012345
            http_lookup  | url                  | http://10.0.0.7:8080/lookup
            http_lookup  | url                  | HTTPS://crm.example.com
            http_lookup  | timeoutMillis        | 100
            http_lookup  | timeoutMillis        | 10000
            set_variable | name                 | _
            set_variable | name                 | a234567890123456789012345678901234567890
            set_variable | value                | ''
            """)
    void aValueAtTheEdgeOfItsFormatIsAccepted(String type, String parameter, String value) {
        CallFlowGraph graph = new CallFlowGraph("n", List.of(node("n", type, validParametersWith(type, parameter, value), keyIfMenu(type))));

        assertThat(check.violations(graph)).isEmpty();
    }

    @Test
    void anExitTheTypeDoesNotHaveIsReported() {
        CallFlowGraph graph = new CallFlowGraph("q", List.of(
                node("q", "queue", Map.of("group", "Support"), Map.of("answered", "bye", "timeout", "bye")),
                node("bye", "hangup", Map.of(), Map.of("next", "q"))));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation("q", "exits.answered", "node \"q\": a queue node has no exit \"answered\" (its exits are timeout, empty)"),
                new CallFlowViolation("bye", "exits.next", "node \"bye\": a hangup node has no exit \"next\" (it has none)"));
    }

    @Test
    void anExitLeadingToNoNodeIsReported() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                node("menu", "dtmf_menu", Map.of("prompt", "menu"), Map.of("1", "sales", "2", "support")),
                node("support", "queue", Map.of("group", "Support"), Map.of())));

        assertThat(check.violations(graph)).containsExactly(new CallFlowViolation("menu", "exits.1",
                "node \"menu\": exit \"1\" leads to \"sales\", which is not a node of this flow"));
    }

    @Test
    void everyNodeThatCannotBeReachedIsNamed() {
        CallFlowGraph graph = new CallFlowGraph("welcome", List.of(
                node("welcome", "announcement", Map.of("prompt", "welcome"), Map.of("next", "q")),
                node("q", "queue", Map.of("group", "Support"), Map.of()),
                node("orphan", "announcement", Map.of("prompt", "welcome"), Map.of("next", "island")),
                node("island", "hangup", Map.of(), Map.of()),
                node("loop", "announcement", Map.of("prompt", "welcome"), Map.of("next", "loop"))));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation("orphan", null, "node \"orphan\": cannot be reached from the start node \"welcome\""),
                new CallFlowViolation("island", null, "node \"island\": cannot be reached from the start node \"welcome\""),
                new CallFlowViolation("loop", null, "node \"loop\": cannot be reached from the start node \"welcome\""));
    }

    @Test
    void aCycleBackToTheStartIsReachable() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                node("menu", "dtmf_menu", Map.of("prompt", "menu"), Map.of("1", "again", "no_input", "q")),
                node("again", "announcement", Map.of("prompt", "invalid"), Map.of("next", "menu")),
                node("q", "queue", Map.of("group", "Sales"), Map.of())));

        assertThat(check.violations(graph)).isEmpty();
    }

    @Test
    void promptsGroupsAndOpeningHoursTheTenantDoesNotHaveAreReported() {
        CallFlowGraph graph = new CallFlowGraph("hours", List.of(
                node("hours", "opening_hours", Map.of("openingHours", "Weekends"), Map.of("open", "menu", "closed", "vm")),
                node("menu", "dtmf_menu", Map.of("prompt", "main-menu", "invalidPrompt", "oops"), Map.of("1", "q")),
                node("q", "queue", Map.of("group", "Billing", "mohPrompt", "jazz"), Map.of()),
                node("vm", "voicemail", Map.of("greeting", "after-hours"), Map.of())));

        assertThat(check.violations(graph)).containsExactly(
                new CallFlowViolation("hours", "parameters.openingHours",
                        "node \"hours\": parameter \"openingHours\" names the opening hours \"Weekends\", which this tenant does not have"),
                new CallFlowViolation("menu", "parameters.prompt",
                        "node \"menu\": parameter \"prompt\" names the prompt \"main-menu\", which this tenant does not have"),
                new CallFlowViolation("menu", "parameters.invalidPrompt",
                        "node \"menu\": parameter \"invalidPrompt\" names the prompt \"oops\", which this tenant does not have"),
                new CallFlowViolation("q", "parameters.group",
                        "node \"q\": parameter \"group\" names the ACD group \"Billing\", which this tenant does not have"),
                new CallFlowViolation("q", "parameters.mohPrompt",
                        "node \"q\": parameter \"mohPrompt\" names the prompt \"jazz\", which this tenant does not have"),
                new CallFlowViolation("vm", "parameters.greeting",
                        "node \"vm\": parameter \"greeting\" names the prompt \"after-hours\", which this tenant does not have"));
    }

    @Test
    void aMenuWithoutAnyKeyExitIsReported() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                node("menu", "dtmf_menu", Map.of("prompt", "menu"), Map.of("no_input", "q", "invalid", "q")),
                node("q", "queue", Map.of("group", "Support"), Map.of())));

        assertThat(check.violations(graph)).containsExactly(new CallFlowViolation("menu", "exits",
                "node \"menu\": a dtmf_menu node needs an exit for at least one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, *, #,"
                        + " or the caller has nothing to choose"));
    }

    @Test
    void aMenuWithOnlyTheHashKeyIsFine() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                node("menu", "dtmf_menu", Map.of("prompt", "menu"), Map.of("#", "q")),
                node("q", "queue", Map.of("group", "Support"), Map.of())));

        assertThat(check.violations(graph)).isEmpty();
    }

    @Test
    void moreThan200NodesAreReported() {
        assertThat(check.violations(chainOf(CallFlowCheck.MAX_NODES))).isEmpty();
        assertThat(check.violations(chainOf(CallFlowCheck.MAX_NODES + 1)))
                .containsExactly(new CallFlowViolation(null, "nodes", "the flow has 201 nodes; at most 200 are allowed"));
    }

    @Test
    void violationsComeGraphFirstThenNodeByNodeInTheGraphsOrder() {
        CallFlowGraph graph = new CallFlowGraph("menu", List.of(
                node("menu", "dtmf_menu", Map.of("prompt", "nope", "zeta", "1", "alpha", "2", "retries", "x"),
                        Map.of("invalid", "gone", "#", "lost", "9", "q", "later", "q")),
                node("q", "queue", Map.of(), Map.of()),
                node("stray", "hangup", Map.of(), Map.of()),
                node("q", "hangup", Map.of(), Map.of())));

        List<String> fields = check.violations(graph).stream().map(v -> v.nodeId() + " " + v.field()).toList();

        assertThat(fields).containsExactly(
                "menu parameters.prompt", "menu parameters.retries", "menu parameters.alpha", "menu parameters.zeta",
                "menu exits.#", "menu exits.invalid", "menu exits.later",
                "q parameters.group",
                "stray null",
                "q id");
        assertThat(check.violations(graph)).isEqualTo(check.violations(graph));
    }

    @Test
    void aCheckedGraphBecomesACallFlow() {
        CallFlowGraph graph = new CallFlowGraph("q", List.of(node("q", "queue", Map.of("group", "Support"), Map.of())));

        CallFlow flow = graph.toCallFlow("Hotline", 3);

        assertThat(flow.version()).isEqualTo(3);
        assertThat(flow.node("q")).map(CallFlowNode::type).contains("queue");
    }

    @Test
    void aGraphACallFlowCannotHoldIsRefusedWithItsReason() {
        CallFlowNode q = node("q", "queue", Map.of("group", "Support"), Map.of());

        assertThat(catchThrowable(() -> new CallFlowGraph(null, List.of(q)).toCallFlow("Hotline", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("call flow Hotline has no start node");
        assertThat(catchThrowable(() -> new CallFlowGraph("q", List.of(q, q)).toCallFlow("Hotline", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("call flow Hotline has more than one node with id q");
        assertThat(catchThrowable(() -> new CallFlowGraph("x", List.of(q)).toCallFlow("Hotline", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start node x does not exist");
    }

    private static CallFlowNode node(String id, String type, Map<String, String> parameters, Map<String, String> exits) {
        return new CallFlowNode(id, type, parameters, exits);
    }

    /** The required parameters of the type with valid values, and the one parameter under test set to the value. */
    private static Map<String, String> validParametersWith(String type, String parameter, String value) {
        Map<String, String> valid = new java.util.HashMap<>(switch (type) {
            case "announcement", "dtmf_menu" -> Map.of("prompt", "welcome");
            case "opening_hours" -> Map.of("openingHours", "Office");
            case "queue" -> Map.of("group", "Support");
            case "transfer" -> Map.of("number", "+4940123456");
            case "http_lookup" -> Map.of("url", "https://crm.example.com");
            case "set_variable" -> Map.of("name", "tier", "value", "gold");
            default -> Map.<String, String>of();
        });
        valid.put(parameter, value);
        return valid;
    }

    /** A menu needs a key to be valid; it leads back to the menu itself. */
    private static Map<String, String> keyIfMenu(String type) {
        return type.equals("dtmf_menu") ? Map.of("1", "n") : Map.of();
    }

    /** Announcements one after the other, ending in a hang-up: nothing wrong but the length. */
    private static CallFlowGraph chainOf(int count) {
        List<CallFlowNode> nodes = new ArrayList<>();
        IntStream.range(0, count - 1).forEach(index ->
                nodes.add(node("n" + index, "announcement", Map.of("prompt", "welcome"), Map.of("next", "n" + (index + 1)))));
        nodes.add(node("n" + (count - 1), "hangup", Map.of(), Map.of()));
        return new CallFlowGraph("n0", nodes);
    }
}
