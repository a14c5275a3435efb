package io.verbund.acd.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.runtime.agent.AgentId;
import io.verbund.acd.runtime.agent.ConfiguredAgent;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.runtime.security.UnknownTenant;
import io.verbund.acd.runtime.security.UserId;
import io.verbund.acd.tenant.TenantKey;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentAccessTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final TenantKey ACME = new TenantKey("acme");
    private static final TenantKey SYSTEM = new TenantKey("system");

    private static final ConfiguredAgent DEMO_1001 = agent(11, DEMO, "1001");
    private static final ConfiguredAgent DEMO_1002 = agent(12, DEMO, "1002");
    private static final ConfiguredAgent DEMO_1006 = agent(16, DEMO, "1006");
    private static final ConfiguredAgent ACME_2001 = agent(21, ACME, "2001");

    private static final Supervision SUPERVISES_NOBODY = supervisor -> Set.of();
    private static final Supervision SUPERVISES_SALES = supervisor -> Set.of(DEMO_1006.id());

    @Test
    void anAgentMayAddressItsOwnExtensionOnly() {
        AgentAccess access = new AgentAccess(caller("agent1001@demo", DEMO, Optional.of("1001"), Role.AGENT), SUPERVISES_NOBODY);

        assertThat(access.mayAddress(DEMO_1001)).isTrue();
        assertThat(access.mayAddress(DEMO_1002)).isFalse();
        assertThatThrownBy(() -> access.requireMayAddress(DEMO_1002)).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("agent1001@demo").hasMessageContaining("1002");
    }

    @Test
    void anAgentOfAnotherTenantWithTheSameExtensionIsNotTheCallersOwn() {
        AgentAccess access = new AgentAccess(caller("agent1001@demo", DEMO, Optional.of("1001"), Role.AGENT), SUPERVISES_NOBODY);

        assertThat(access.mayAddress(agent(99, ACME, "1001"))).isFalse();
    }

    @Test
    void aSupervisorMayAddressTheMembersOfItsGroups() {
        AgentAccess access = new AgentAccess(caller("supervisor@demo", DEMO, Optional.empty(), Role.SUPERVISOR), SUPERVISES_SALES);

        assertThat(access.mayAddress(DEMO_1006)).isTrue();
        assertThat(access.mayAddress(DEMO_1001)).isFalse();
    }

    @Test
    void aSupervisorsGroupsAreLookedUpOncePerRequest() {
        AtomicInteger lookups = new AtomicInteger();
        AgentAccess access = new AgentAccess(caller("supervisor@demo", DEMO, Optional.empty(), Role.SUPERVISOR),
                supervisor -> {
                    lookups.incrementAndGet();
                    return Set.of(DEMO_1006.id());
                });

        access.mayAddress(DEMO_1001);
        access.mayAddress(DEMO_1002);
        access.mayAddress(DEMO_1006);

        assertThat(lookups).hasValue(1);
    }

    @Test
    void nobodyButASupervisorIsAskedAboutSupervision() {
        Supervision mustNotBeAsked = supervisor -> {
            throw new AssertionError("asked for " + supervisor);
        };

        assertThat(new AgentAccess(caller("admin@demo", DEMO, Optional.empty(), Role.TENANT_ADMIN), mustNotBeAsked)
                .mayAddress(DEMO_1006)).isTrue();
        assertThat(new AgentAccess(caller("agent1001@demo", DEMO, Optional.of("1001"), Role.AGENT), mustNotBeAsked)
                .mayAddress(DEMO_1001)).isTrue();
    }

    @Test
    void aTenantAdminMayAddressEveryAgentOfItsTenantAndNoOther() {
        AgentAccess access = new AgentAccess(caller("admin@demo", DEMO, Optional.empty(), Role.TENANT_ADMIN), SUPERVISES_NOBODY);

        assertThat(access.mayAddress(DEMO_1001)).isTrue();
        assertThat(access.mayAddress(DEMO_1006)).isTrue();
        assertThat(access.mayAddress(ACME_2001)).isFalse();
    }

    @Test
    void aUserWithoutAnAgentRoleMayAddressNoAgent() {
        AgentAccess access = new AgentAccess(caller("reseller@demo", DEMO, Optional.empty(), Role.RESELLER), SUPERVISES_SALES);

        assertThat(access.mayAddress(DEMO_1006)).isFalse();
    }

    @Test
    void everyoneAddressesTheirOwnTenantUnlessTheyNameOne() {
        AgentAccess admin = new AgentAccess(caller("admin@acme", ACME, Optional.empty(), Role.TENANT_ADMIN), SUPERVISES_NOBODY);

        assertThat(admin.addressedTenant(Optional.empty())).isEqualTo(ACME);
        assertThat(admin.addressedTenant(Optional.of(" "))).isEqualTo(ACME);
        assertThat(admin.addressedTenant(Optional.of("acme"))).isEqualTo(ACME);
    }

    @Test
    void namingAnotherTenantLooksLikeATenantThatDoesNotExist() {
        AgentAccess admin = new AgentAccess(caller("admin@acme", ACME, Optional.empty(), Role.TENANT_ADMIN), SUPERVISES_NOBODY);

        assertThatThrownBy(() -> admin.addressedTenant(Optional.of("demo"))).isInstanceOf(UnknownTenant.class)
                .hasMessage("There is no tenant 'demo'");
    }

    @Test
    void aSystemAdminReachesAnotherTenantOnlyByNamingIt() {
        AgentAccess sysadmin = new AgentAccess(caller("sysadmin", SYSTEM, Optional.empty(), Role.SYSTEM_ADMIN), SUPERVISES_NOBODY);

        assertThat(sysadmin.addressedTenant(Optional.empty())).isEqualTo(SYSTEM);
        assertThat(sysadmin.addressedTenant(Optional.of("demo"))).isEqualTo(DEMO);
        assertThat(sysadmin.mayAddress(DEMO_1001)).isTrue();
        assertThatThrownBy(() -> sysadmin.addressedTenant(Optional.of("Not A Key"))).isInstanceOf(UnknownTenant.class);
    }

    private static Caller caller(String login, TenantKey tenant, Optional<String> extension, Role... roles) {
        return new Caller(new UserId(login.hashCode()), login, tenant, new TenantId(tenant.hashCode()), Set.of(roles),
                extension.map(e -> new AgentKey(tenant, e)));
    }

    private static ConfiguredAgent agent(long id, TenantKey tenant, String extension) {
        return new ConfiguredAgent(new AgentId(id), new AgentKey(tenant, extension), "Agent " + extension);
    }
}
