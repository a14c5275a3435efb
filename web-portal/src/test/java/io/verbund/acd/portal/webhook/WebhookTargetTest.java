package io.verbund.acd.portal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookTargetTest {

    @Test
    void onlyHttpAndHttpsWithAHostAndNoPassword() {
        assertThat(WebhookTarget.problem("ftp://example.org/x", true)).hasValueSatisfying(p -> assertThat(p).contains("http"));
        assertThat(WebhookTarget.problem("https:///nohost", true)).isPresent();
        assertThat(WebhookTarget.problem("https://user:pw@example.org/", true)).hasValueSatisfying(p -> assertThat(p).contains("password"));
        assertThat(WebhookTarget.problem("http://127.0.0.1:9000/hook", true)).isEmpty();
    }

    @Test
    void theInstallationsOwnNetworkIsRefusedUnlessAllowed() {
        assertThat(WebhookTarget.problem("http://127.0.0.1:9000/hook", false))
                .hasValueSatisfying(p -> assertThat(p).contains("127.0.0.1", "allow-private-targets"));
        assertThat(WebhookTarget.problem("http://10.1.2.3/hook", false)).isPresent();
        assertThat(WebhookTarget.problem("http://192.168.0.10/hook", false)).isPresent();
        assertThat(WebhookTarget.problem("http://169.254.169.254/latest/meta-data", false)).isPresent();
        assertThat(WebhookTarget.problem("http://93.184.215.14/hook", false)).isEmpty();
    }
}
