package io.verbund.acd.portal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void aReceiverVerifiesTheSignatureWithTheSecret() {
        String secret = WebhookSignature.newSecret();
        String body = "{\"event\":\"agent-state\"}";
        String header = WebhookSignature.sign(secret, 1_764_000_000L, body);

        assertThat(header).matches("t=1764000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(secret, header, body)).isTrue();
        assertThat(WebhookSignature.verify(secret, header, body + " ")).as("a changed body").isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), header, body)).as("another secret").isFalse();
        assertThat(WebhookSignature.verify(secret, header.replace("t=1764000000", "t=1764000001"), body)).as("another time").isFalse();
        assertThat(WebhookSignature.verify(secret, "v1=abc", body)).isFalse();
    }

    @Test
    void isHmacSha256AsRfc4231DefinesIt() {
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.sign("Jefe", 7, "body")).isEqualTo("t=7,v1=" + WebhookSignature.hmac("Jefe", "7.body"));
    }
}
