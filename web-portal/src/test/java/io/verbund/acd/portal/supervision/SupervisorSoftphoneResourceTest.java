package io.verbund.acd.portal.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.portal.softphone.SipAccount;
import io.verbund.acd.portal.softphone.SoftphoneDocument;
import io.verbund.acd.portal.softphone.SoftphoneEdge;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.runtime.security.UserId;
import io.verbund.acd.tenant.TenantKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupervisorSoftphoneResourceTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final TenantId DEMO_ID = new TenantId(1);
    private static final UserId SUPERVISOR = new UserId(7);
    private static final UserId OTHER_SUPERVISOR = new UserId(8);
    private static final SoftphoneEdge EDGE = new SoftphoneEdge(Optional.of("ws://127.0.0.1:8088/ws"), Optional.empty());

    private final Phones phones = new Phones(Map.of(SUPERVISOR.value(), new SipAccount("1000", "verbund", "0123456789abcdef0123456789abcdef",
            "Demo Supervisor")));

    @Test
    void aSupervisorGetsItsOwnPhonesAccountAsItsHa1AndTheEdgesAddress() {
        SoftphoneDocument settings = new SupervisorSoftphoneResource(null, phones, EDGE).settingsOf(caller(SUPERVISOR, Role.SUPERVISOR));

        assertThat(settings.available()).isTrue();
        assertThat(settings.sipUri()).isEqualTo("sip:1000@127.0.0.1");
        assertThat(settings.authorizationUser()).isEqualTo("1000");
        assertThat(settings.ha1()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(settings.webSocket()).isEqualTo("ws://127.0.0.1:8088/ws");
        assertThat(settings.displayName()).isEqualTo("Demo Supervisor");
        assertThat(phones.asked).as("looked up in the caller's own tenant, for the caller itself").containsExactly(DEMO_ID + "/" + SUPERVISOR);
    }

    @Test
    void aSupervisorWithoutAPhoneIsAnsweredNotFound() {
        assertThatThrownBy(() -> new SupervisorSoftphoneResource(null, phones, EDGE).settingsOf(caller(OTHER_SUPERVISOR, Role.SUPERVISOR)))
                .isInstanceOf(NoSupervisorSoftphone.class).isInstanceOf(NotFound.class).hasMessageContaining("user8@demo");
    }

    @Test
    void nobodyButASupervisorGetsAnAccountNotEvenATenantAdminWhoseUserHasAPhone() {
        SupervisorSoftphoneResource resource = new SupervisorSoftphoneResource(null, phones, EDGE);

        assertThatThrownBy(() -> resource.settingsOf(caller(SUPERVISOR, Role.TENANT_ADMIN))).isInstanceOf(NotPermitted.class)
                .hasMessageContaining("SUPERVISOR");
        assertThatThrownBy(() -> resource.settingsOf(caller(SUPERVISOR, Role.AGENT, Role.SYSTEM_ADMIN))).isInstanceOf(NotPermitted.class);
        assertThat(phones.asked).as("no account read for a caller refused").isEmpty();
    }

    @Test
    void withoutASoftphoneEdgeTheSettingsSaySoAndCarryNoAccount() {
        SoftphoneEdge none = new SoftphoneEdge(Optional.of(" "), Optional.empty());

        SoftphoneDocument settings = new SupervisorSoftphoneResource(null, phones, none).settingsOf(caller(SUPERVISOR, Role.SUPERVISOR));

        assertThat(settings.available()).isFalse();
        assertThat(settings.reason()).contains("softphone edge");
        assertThat(settings.ha1()).isNull();
        assertThat(settings.authorizationUser()).isNull();
    }

    private static Caller caller(UserId user, Role... roles) {
        return new Caller(user, "user" + user.value() + "@demo", DEMO, DEMO_ID, java.util.Set.of(roles), Optional.<AgentKey>empty());
    }

    /** The supervisor phones of one tenant, by user id. */
    private static final class Phones extends SupervisorPhones {

        private final Map<Long, SipAccount> accounts;
        private final List<String> asked = new ArrayList<>();

        Phones(Map<Long, SipAccount> accounts) {
            this.accounts = accounts;
        }

        @Override
        public Optional<SipAccount> accountOf(TenantId tenant, UserId supervisor) {
            asked.add(tenant + "/" + supervisor);
            return tenant.equals(DEMO_ID) ? Optional.ofNullable(accounts.get(supervisor.value())) : Optional.empty();
        }
    }
}
