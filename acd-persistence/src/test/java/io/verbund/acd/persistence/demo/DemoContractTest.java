package io.verbund.acd.persistence.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo data against the published demo contract, without a database. */
class DemoContractTest {

    private static final Pattern NODE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXITS = Pattern.compile("\"exits\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern EXIT_TARGET = Pattern.compile("\"[^\"]+\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern START = Pattern.compile("\"start\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void publishesTheContractsLoginsAndPasswords() {
        Map<String, String> passwords = Stream.concat(Stream.of(DemoContract.SYSTEM_ADMIN),
                        DemoContract.TENANTS.stream().flatMap(tenant -> tenant.allUsers().stream()))
                .collect(Collectors.toMap(DemoContract.User::login, DemoContract.User::password));

        assertThat(passwords).hasSize(16)
                .containsEntry("sysadmin", "system-admin")
                .containsEntry("admin@demo", "demo-admin")
                .containsEntry("supervisor@demo", "demo-supervisor")
                .containsEntry("agent1001@demo", "demo-1001")
                .containsEntry("agent1010@demo", "demo-1010")
                .containsEntry("admin@acme", "acme-admin")
                .containsEntry("agent2001@acme", "acme-2001")
                .containsEntry("agent2002@acme", "acme-2002");
    }

    @Test
    void registersEveryDemoPhoneWithItsExtensionAndTheAgentsPassword() {
        assertThat(DemoContract.DEMO.agents()).extracting(DemoContract.Agent::extension)
                .containsExactly("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010");
        assertThat(DemoContract.DEMO.agents())
                .allSatisfy(agent -> {
                    assertThat(agent.sipPassword()).isEqualTo("demo-" + agent.extension());
                    assertThat(agent.user().login()).isEqualTo("agent" + agent.extension() + "@demo");
                });
        assertThat(DemoContract.ACME.agents()).extracting(DemoContract.Agent::sipPassword)
                .containsExactly("acme-2001", "acme-2002");
    }

    @Test
    void givesTheSalesAgentsRisingProficiencyInSales() {
        assertThat(DemoContract.DEMO.agents().subList(5, 10))
                .extracting(agent -> agent.skills().get("sales"))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(DemoContract.DEMO.groups())
                .extracting(DemoContract.Group::name, DemoContract.Group::strategy)
                .containsExactly(tuple("Support", "LONGEST_IDLE"),
                        tuple("Sales", "SKILLS_BASED"));
    }

    @Test
    void leadsEveryServiceNumberIntoAGraphWhoseExitsReachExistingNodes() {
        for (DemoContract.Tenant tenant : DemoContract.TENANTS) {
            for (DemoContract.ServiceNumber number : tenant.serviceNumbers()) {
                String graph = read(number.graphResource());
                List<String> nodes = all(NODE_ID, graph);

                assertThat(nodes).as(number.number() + " node ids").doesNotHaveDuplicates();
                assertThat(nodes).as(number.number() + " start").contains(first(START, graph));
                Matcher exits = EXITS.matcher(graph);
                while (exits.find()) {
                    assertThat(all(EXIT_TARGET, exits.group(1))).as(number.number() + " exit targets")
                            .allMatch(nodes::contains);
                }
            }
        }
    }

    @Test
    void namesOnlyGroupsAndOpeningHoursTheTenantHas() {
        for (DemoContract.Tenant tenant : DemoContract.TENANTS) {
            List<String> groups = tenant.groups().stream().map(DemoContract.Group::name).toList();
            List<String> hours = tenant.openingHours().stream().map(DemoContract.OpeningHours::name).toList();
            for (DemoContract.ServiceNumber number : tenant.serviceNumbers()) {
                String graph = read(number.graphResource());

                assertThat(all(Pattern.compile("\"group\"\\s*:\\s*\"([^\"]+)\""), graph)).isSubsetOf(groups);
                assertThat(all(Pattern.compile("\"openingHours\"\\s*:\\s*\"([^\"]+)\""), graph)).isSubsetOf(hours);
            }
        }
    }

    @Test
    void letsNoAgentChooseTheNoAnswerPause() {
        assertThat(DemoContract.PAUSE_REASONS).filteredOn(DemoContract.PauseReason::setBySystem)
                .extracting(DemoContract.PauseReason::code)
                .containsExactly("NO_ANSWER");
    }

    private static String read(String resource) {
        try (InputStream in = DemoTenants.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1)).toList();
    }

    private static String first(Pattern pattern, String text) {
        return all(pattern, text).get(0);
    }
}
