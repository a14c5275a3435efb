package io.verbund.acd.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.SipCredentials;
import org.junit.jupiter.api.Test;

class PhoneCredentialsTest {

    /** {@code echo -n "1001:verbund:secret123" | md5sum} */
    private static final String HA1_1001 = "90b379282c21e84766556952bba81212";

    @Test
    void storesTheDigestOfUserRealmAndPasswordInTheRegistrarsRealm() {
        SipCredentials created = PhoneCredentials.forNewAgent("1001", "secret123");

        assertThat(created.username()).isEqualTo("1001");
        assertThat(created.realm()).isEqualTo("verbund");
        assertThat(created.ha1()).isEqualTo(HA1_1001);
        assertThat(created.toString()).doesNotContain(HA1_1001);
    }

    @Test
    void keepsTheStoredDigestWhenNoPasswordIsSent() {
        SipCredentials stored = new SipCredentials("1001", "verbund", HA1_1001);

        assertThat(PhoneCredentials.needsPassword(stored, "1001")).isFalse();
        assertThat(PhoneCredentials.afterChange(stored, "1001", null)).isSameAs(stored);
    }

    @Test
    void digestsANewPasswordInTheStoredRealm() {
        SipCredentials stored = new SipCredentials("1001", "other-realm", HA1_1001);

        SipCredentials changed = PhoneCredentials.afterChange(stored, "1001", "secret123");

        assertThat(changed.realm()).isEqualTo("other-realm");
        assertThat(changed.ha1()).isEqualTo(SipCredentials.of("1001", "other-realm", "secret123".toCharArray()).ha1())
                .isNotEqualTo(HA1_1001);
    }

    @Test
    void aNewUserNameNeedsThePasswordBecauseTheDigestCoversIt() {
        SipCredentials stored = new SipCredentials("1001", "verbund", HA1_1001);

        assertThat(PhoneCredentials.needsPassword(stored, "jana.schulz")).isTrue();
        assertThatThrownBy(() -> PhoneCredentials.afterChange(stored, "jana.schulz", null)).isInstanceOf(IllegalArgumentException.class);
        SipCredentials renamed = PhoneCredentials.afterChange(stored, "jana.schulz", "secret123");
        assertThat(renamed.username()).isEqualTo("jana.schulz");
        assertThat(renamed.matches("secret123".toCharArray())).isTrue();
    }
}
