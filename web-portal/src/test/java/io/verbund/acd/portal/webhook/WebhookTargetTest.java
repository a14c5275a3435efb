package io.verbund.acd.portal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.outbound.OutboundTargets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookTargetTest {

    private static final OutboundTargets LOOPBACK_ALLOWED = OutboundTargets.parse(Optional.of("127.0.0.0/8"));
    private static final OutboundTargets PUBLIC_ONLY = OutboundTargets.publicOnly();

    @Test
    void onlyHttpAndHttpsWithAHostAndNoPassword() {
        assertThat(WebhookTarget.problem("ftp://example.org/x", LOOPBACK_ALLOWED)).hasValueSatisfying(p -> assertThat(p).contains("http"));
        assertThat(WebhookTarget.problem("https:///nohost", LOOPBACK_ALLOWED)).isPresent();
        assertThat(WebhookTarget.problem("https://user:pw@example.org/", LOOPBACK_ALLOWED))
                .hasValueSatisfying(p -> assertThat(p).contains("password"));
        assertThat(WebhookTarget.problem("http://127.0.0.1:9000/hook", LOOPBACK_ALLOWED)).isEmpty();
    }

    @Test
    void theInstallationsOwnNetworkIsRefusedUnlessAllowed() {
        assertThat(WebhookTarget.problem("http://127.0.0.1:9000/hook", PUBLIC_ONLY))
                .hasValueSatisfying(p -> assertThat(p).contains("127.0.0.1", OutboundTargets.PROPERTY));
        assertThat(WebhookTarget.problem("http://10.1.2.3/hook", PUBLIC_ONLY)).isPresent();
        assertThat(WebhookTarget.problem("http://192.168.0.10/hook", PUBLIC_ONLY)).isPresent();
        assertThat(WebhookTarget.problem("http://169.254.169.254/latest/meta-data", PUBLIC_ONLY)).isPresent();
        assertThat(WebhookTarget.problem("http://[::ffff:169.254.169.254]/latest/meta-data", PUBLIC_ONLY)).isPresent();
        assertThat(WebhookTarget.problem("http://100.64.0.1/hook", PUBLIC_ONLY)).isPresent();
        assertThat(WebhookTarget.problem("http://2130706433/hook", PUBLIC_ONLY)).isPresent();
        assertThat(WebhookTarget.problem("http://93.184.215.14/hook", PUBLIC_ONLY)).isEmpty();
        assertThat(WebhookTarget.problem("http://10.1.2.3/hook", LOOPBACK_ALLOWED)).as("the allow-list opens only its ranges").isPresent();
    }

    @Test
    void anAddressOpenedOnOnePortIsRefusedOnOthersWithTheSchemesDefaultPortCounted() {
        OutboundTargets oneService = OutboundTargets.parse(Optional.of("10.1.2.3:8080, 10.9.9.9:443"));

        assertThat(WebhookTarget.problem("http://10.1.2.3:8080/hook", oneService)).isEmpty();
        assertThat(WebhookTarget.problem("http://10.1.2.3:8081/hook", oneService))
                .hasValueSatisfying(p -> assertThat(p).contains("10.1.2.3", "other ports than 8081"));
        assertThat(WebhookTarget.problem("https://10.9.9.9/hook", oneService)).as("https: 443").isEmpty();
        assertThat(WebhookTarget.problem("http://10.9.9.9/hook", oneService)).as("http: 80").isPresent();
    }
}
