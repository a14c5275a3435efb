package io.verbund.acd.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {

    record UserLike(String login, String password, List<String> roles) {
    }

    @Test
    void namesTheSecretsARequestSetButNeverShowsThem() {
        assertThat(AuditRecorder.secretsSet(new UserLike("a@demo", "s3cret-pass", List.of("AGENT")))).containsExactly("password");
        assertThat(AuditRecorder.secretsSet(new UserLike("a@demo", null, List.of("AGENT")))).isEmpty();
        assertThat(AuditRecorder.secretsSet(Json.createObjectBuilder().add("secret", "x").add("url", "https://h").build()))
                .containsExactly("secret");
    }

    @Test
    void theEntityIdIsThePathBelowTheResource() {
        assertThat(AuditRecorder.below("/groups/12")).isEqualTo("12");
        assertThat(AuditRecorder.below("groups/12/members/1004")).isEqualTo("12/members/1004");
        assertThat(AuditRecorder.below("/groups")).isNull();
        assertThat(AuditRecorder.below("/groups/")).isNull();
    }

    @Test
    void jsonObjectsAreDocumentsAndStreamsAreNot() {
        var json = Json.createObjectBuilder().add("login", "a@demo").build();
        assertThat(AuditRecorder.document(json)).isSameAs(json);
        assertThat(AuditRecorder.document(new java.io.ByteArrayInputStream(new byte[1]))).isNull();
        assertThat(AuditRecorder.document(null)).isNull();
    }
}
