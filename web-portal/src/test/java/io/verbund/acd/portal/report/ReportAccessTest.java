package io.verbund.acd.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.runtime.security.UserId;
import io.verbund.acd.tenant.TenantKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReportAccessTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final AddressedTenant DEMO_AS_OWN = new AddressedTenant(new TenantId(1), DEMO, true);
    private static final AddressedTenant DEMO_NAMED = new AddressedTenant(new TenantId(1), DEMO, false);

    private static final Function<UserId, Set<Long>> SUPERVISES_ALL = user -> Set.of();
    private static final Function<UserId, Set<Long>> SUPERVISES_3_AND_4 = user -> Set.of(4L, 3L);

    @Test
    void aTenantAdminSeesEveryGroupAndAsksForWhatItRequests() {
        ReportAccess access = new ReportAccess(caller("admin@demo", Role.TENANT_ADMIN), DEMO_AS_OWN, user -> {
            throw new AssertionError("an admin's groups are never looked up");
        });

        assertThat(access.groupsToAsk(List.of())).isEmpty();
        assertThat(access.groupsToAsk(List.of("7", " 9 "))).containsExactly("7", "9");
        access.requireAdmin("change the KPI definition");
    }

    @Test
    void aSupervisorWithoutGroupsOfItsOwnSeesEveryGroup() {
        ReportAccess access = new ReportAccess(caller("supervisor@demo", Role.SUPERVISOR), DEMO_AS_OWN, SUPERVISES_ALL);

        assertThat(access.groupsToAsk(List.of())).isEmpty();
        assertThat(access.groupsToAsk(List.of("7"))).containsExactly("7");
    }

    @Test
    void aSupervisorAskingForNoGroupGetsItsOwnGroups() {
        ReportAccess access = new ReportAccess(caller("supervisor@demo", Role.SUPERVISOR), DEMO_AS_OWN, SUPERVISES_3_AND_4);

        assertThat(access.groupsToAsk(List.of())).containsExactly("3", "4");
        assertThat(access.groupsToAsk(List.of("4"))).containsExactly("4");
    }

    @Test
    void aSupervisorIsRefusedAGroupOutsideItsOwn() {
        ReportAccess access = new ReportAccess(caller("supervisor@demo", Role.SUPERVISOR), DEMO_AS_OWN, SUPERVISES_3_AND_4);

        assertThatThrownBy(() -> access.groupsToAsk(List.of("3", "5"))).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("ACD group 5").hasMessageContaining("supervisor@demo");
        assertThatThrownBy(() -> access.groupsToAsk(List.of("hotline"))).isInstanceOf(NotPermitted.class);
    }

    @Test
    void aSupervisorMayNotChangeTheKpiDefinitionNorRecalculate() {
        ReportAccess access = new ReportAccess(caller("supervisor@demo", Role.SUPERVISOR), DEMO_AS_OWN, SUPERVISES_ALL);

        access.requireViewer();
        assertThatThrownBy(() -> access.requireAdmin("recalculate the statistics")).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("TENANT_ADMIN");
    }

    @Test
    void anAgentSeesNoStatistics() {
        ReportAccess access = new ReportAccess(callerWithAgent("agent1001@demo", Role.AGENT), DEMO_AS_OWN, SUPERVISES_ALL);

        assertThatThrownBy(() -> access.groupsToAsk(List.of())).isInstanceOf(NotPermitted.class).hasMessageContaining("agent1001@demo");
        assertThatThrownBy(access::requireViewer).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> access.requireAdmin("change the KPI definition")).isInstanceOf(NotPermitted.class);
    }

    @Test
    void aSystemAdminNamingTheTenantSeesAndChangesEverything() {
        ReportAccess access = new ReportAccess(caller("root@system", Role.SYSTEM_ADMIN), DEMO_NAMED, SUPERVISES_3_AND_4);

        assertThat(access.groupsToAsk(List.of("5"))).containsExactly("5");
        access.requireAdmin("recalculate the statistics");
    }

    private static Caller caller(String login, Role... roles) {
        return new Caller(new UserId(login.hashCode()), login, DEMO, new TenantId(1), Set.of(roles), Optional.empty());
    }

    private static Caller callerWithAgent(String login, Role... roles) {
        return new Caller(new UserId(login.hashCode()), login, DEMO, new TenantId(1), Set.of(roles), Optional.of(new AgentKey(DEMO, "1001")));
    }
}
