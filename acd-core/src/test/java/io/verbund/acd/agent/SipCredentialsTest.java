package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SipCredentialsTest {

    @Test
    void derivesTheHa1OfTheDemoAgent() {
        // printf '%s' '1001:verbund:demo-1001' | md5sum
        SipCredentials credentials = SipCredentials.of("1001", "verbund", "demo-1001".toCharArray());

        assertThat(credentials.ha1()).isEqualTo("a64e03e4e590c90849e7e5a8c069b38b");
    }

    @Test
    void derivesTheHa1OfTheRfc2617Example() {
        // RFC 2617 section 3.5: Mufasa / testrealm@host.com / Circle Of Life
        SipCredentials credentials =
                SipCredentials.of("Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray());

        assertThat(credentials.ha1()).isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void recognisesItsOwnPasswordOnly() {
        SipCredentials credentials =
                SipCredentials.of("2001", SipCredentials.DEFAULT_REALM, "acme-2001".toCharArray());

        assertThat(credentials.matches("acme-2001".toCharArray())).isTrue();
        assertThat(credentials.matches("acme-2002".toCharArray())).isFalse();
    }

    @Test
    void readsBackWhatTheDatabaseStores() {
        SipCredentials stored = new SipCredentials("1001", "verbund", "a64e03e4e590c90849e7e5a8c069b38b");

        assertThat(stored.matches("demo-1001".toCharArray())).isTrue();
    }

    @Test
    void refusesAnHa1ThatIsNotLowerCaseHexMd5() {
        assertThatThrownBy(() -> new SipCredentials("1001", "verbund", "A64E03E4E590C90849E7E5A8C069B38B"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SipCredentials("1001", "verbund", "a64e03"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAUserNameOrRealmThatWouldShiftTheColons() {
        assertThatThrownBy(() -> SipCredentials.of("10:01", "verbund", "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipCredentials.of("1001", "", "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheHa1() {
        SipCredentials credentials = SipCredentials.of("1001", "verbund", "demo-1001".toCharArray());

        assertThat(credentials.toString()).doesNotContain(credentials.ha1()).contains("1001");
    }
}
