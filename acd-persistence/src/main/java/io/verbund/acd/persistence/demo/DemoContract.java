package io.verbund.acd.persistence.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The demo contract as data: tenants, users, agents, groups, numbers and call flows, with the
 * passwords the contract publishes. Nothing here touches a database; {@link DemoTenants} writes it.
 * A change here is a change of the contract and needs README, docs and tests changed with it.
 */
final class DemoContract {

    /** The SIP realm every demo phone registers in. */
    static final String SIP_REALM = "verbund";
    static final String TIME_ZONE = "Europe/Berlin";
    /** Both demo companies are German; users without a locale of their own get German. */
    static final String LOCALE = "de";
    /** External numbers the demo's calls may be transferred to: German ones only (TransferNumbers). */
    static final String TRANSFER_NUMBERS = "+49*";

    static final User SYSTEM_ADMIN = new User("sysadmin", "system-admin", "System Administrator",
            "SYSTEM_ADMIN", List.of());

    static final Tenant DEMO = new Tenant("demo", "Demo GmbH",
            List.of(new User("admin@demo", "demo-admin", "Demo Admin", "TENANT_ADMIN", List.of()),
                    new User("supervisor@demo", "demo-supervisor", "Demo Supervisor", "SUPERVISOR",
                            List.of("Support", "Sales"))),
            IntStream.rangeClosed(1001, 1010)
                    .mapToObj(extension -> agent("demo", extension,
                            extension >= 1006 ? Map.of("sales", extension - 1005) : Map.of()))
                    .toList(),
            List.of(new Group("Support", "LONGEST_IDLE", range(1001, 1005), Map.of(), true),
                    new Group("Sales", "SKILLS_BASED", range(1006, 1010), Map.of("sales", 1), true)),
            List.of(new OpeningHours("Open all week", TIME_ZONE, true),
                    new OpeningHours("Always closed", TIME_ZONE, false)),
            List.of(new ServiceNumber("+4930500100", "Hotline", "Hotline", "hotline.json"),
                    new ServiceNumber("+4930500200", "Menu", "Menu", "menu.json"),
                    new ServiceNumber("+4930500300", "Closed", "Closed", "closed.json")));

    static final Tenant ACME = new Tenant("acme", "ACME AG",
            List.of(new User("admin@acme", "acme-admin", "ACME Admin", "TENANT_ADMIN", List.of())),
            IntStream.rangeClosed(2001, 2002).mapToObj(extension -> agent("acme", extension, Map.of())).toList(),
            List.of(new Group("Service", "LONGEST_IDLE", range(2001, 2002), Map.of(), false)),
            List.of(),
            List.of(new ServiceNumber("+4940700100", "Service", "Service", "service.json")));

    static final List<Tenant> TENANTS = List.of(DEMO, ACME);

    /**
     * The phone the demo supervisor listens, whispers and barges in on: SIP user {@code 1000},
     * password {@code demo-1000}, registering like an agent phone; it takes no calls of a group.
     */
    static final List<SupervisorPhone> SUPERVISOR_PHONES = List.of(new SupervisorPhone("demo", "supervisor@demo", "1000", "demo-1000"));

    /** Every tenant gets the same pause reasons; NO_ANSWER is entered by the system only. */
    static final List<PauseReason> PAUSE_REASONS = List.of(
            new PauseReason("BREAK", "Break", true, 900, false),
            new PauseReason("LUNCH", "Lunch", false, 3600, false),
            new PauseReason("TRAINING", "Training", true, null, false),
            new PauseReason("BACK_OFFICE", "Back office", true, null, false),
            new PauseReason("NO_ANSWER", "No answer", true, null, true));

    /** Every tenant gets the same dispositions, offered for all of its groups. */
    static final List<Disposition> DISPOSITIONS = List.of(
            new Disposition("SALE", "Sale"),
            new Disposition("INFORMATION", "Information"),
            new Disposition("COMPLAINT", "Complaint"),
            new Disposition("CALLBACK", "Callback"));

    private DemoContract() {
    }

    /** An agent whose SIP user, extension and portal user all carry the same number. */
    private static Agent agent(String tenantKey, int extension, Map<String, Integer> skills) {
        String number = Integer.toString(extension);
        String password = tenantKey + "-" + number;
        return new Agent(number, "Agent " + number, password,
                new User("agent" + number + "@" + tenantKey, password, "Agent " + number, "AGENT", List.of()),
                skills);
    }

    private static List<String> range(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(Integer::toString).toList();
    }

    record Tenant(String key, String name, List<User> users, List<Agent> agents, List<Group> groups,
                  List<OpeningHours> openingHours, List<ServiceNumber> serviceNumbers) {

        /** The skill names the tenant's agents hold, sorted. */
        List<String> skills() {
            return agents.stream().flatMap(agent -> agent.skills().keySet().stream()).distinct().sorted().toList();
        }

        /** The tenant's users, the agents' own users included. */
        List<User> allUsers() {
            return Stream.concat(users.stream(), agents.stream().map(Agent::user)).toList();
        }
    }

    /** A supervisor's phone: the node rings it into the call the supervisor listens in on. */
    record SupervisorPhone(String tenantKey, String login, String sipUsername, String sipPassword) {
    }

    /** A portal user with one role; a supervisor may be narrowed to some groups. */
    record User(String login, String password, String displayName, String role, List<String> supervisedGroups) {
    }

    /** An agent: SIP user name = extension, SIP password = the user's password. */
    record Agent(String extension, String displayName, String sipPassword, User user, Map<String, Integer> skills) {
    }

    /** An ACD group; the demo records Support and Sales, so a first call leaves a recording to find. */
    record Group(String name, String strategy, List<String> memberExtensions, Map<String, Integer> requiredSkills, boolean recording) {
    }

    /**
     * The two schedules the demo needs: open 00:00-24:00 Monday to Sunday, or no interval at all
     * (always closed).
     */
    record OpeningHours(String name, String timeZone, boolean openAllWeek) {
    }

    /** A service number and the call flow it leads into, the graph read from {@code graphResource}. */
    record ServiceNumber(String number, String label, String callFlowName, String graphResource) {
    }

    record PauseReason(String code, String label, boolean paid, Integer maxSeconds, boolean setBySystem) {
    }

    record Disposition(String code, String label) {
    }
}
