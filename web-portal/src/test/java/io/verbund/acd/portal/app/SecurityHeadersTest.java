package io.verbund.acd.portal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void theSoftphoneEdgesWebSocketsAreTheOnlyOtherPlaceThePageMayConnectTo() {
        String policy = SecurityHeaders.withWebSockets(List.of("ws://127.0.0.1:8088", "wss://edge.example.com:8089"))
                .headers().get("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self' ws://127.0.0.1:8088 wss://edge.example.com:8089;");
        assertThat(SecurityHeaders.sameOrigin().headers().get("Content-Security-Policy")).contains("connect-src 'self';");
    }

    @Test
    void aSettingThatWouldWidenThePolicyIsRefused() {
        assertThatThrownBy(() -> SecurityHeaders.withWebSockets(List.of("ws://127.0.0.1:8088; script-src *")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityHeaders.withWebSockets(List.of("https://evil.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
