package io.verbund.acd.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSummaryTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aChangeListsTheFieldsThatDifferWithOldAndNewValues() {
        JsonObject before = json("{\"id\":7,\"name\":\"Billing\",\"wrapUpSeconds\":30,\"version\":0,\"updatedAt\":\"2026-12-05T10:00:00Z\"}");
        JsonObject after = json("{\"id\":7,\"name\":\"Billing\",\"wrapUpSeconds\":60,\"version\":1,\"updatedAt\":\"2026-12-05T11:00:00Z\"}");

        JsonObject summary = json(AuditSummary.of(AuditAction.CHANGED, before, after, List.of(), null));

        assertThat(summary.getJsonObject("changed").keySet()).containsExactly("wrapUpSeconds");
        assertThat(summary.getJsonObject("changed").getJsonObject("wrapUpSeconds").getInt("from")).isEqualTo(30);
        assertThat(summary.getJsonObject("changed").getJsonObject("wrapUpSeconds").getInt("to")).isEqualTo(60);
    }

    @Test
    void numbersAreComparedByValueNotByHowTheyAreWritten() {
        JsonObject before = json("{\"weight\":1.00,\"members\":[{\"penalty\":0.0}],\"ringTimeSeconds\":20}");
        JsonObject after = json("{\"weight\":1,\"members\":[{\"penalty\":0}],\"ringTimeSeconds\":25}");

        assertThat(AuditSummary.changes(before, after).keySet()).containsExactly("ringTimeSeconds");
    }

    @Test
    void secretsAreNamedNeverShown() {
        JsonObject before = json("{\"url\":\"https://a\",\"secret\":\"old-secret-value\"}");
        JsonObject after = json("{\"url\":\"https://a\",\"secret\":\"new-secret-value\",\"nested\":{\"sipPassword\":\"pw-123\"}}");

        String changed = AuditSummary.of(AuditAction.CHANGED, before, after, List.of("password"), null);
        String created = AuditSummary.of(AuditAction.CREATED, null, after, List.of(), null);

        assertThat(changed).doesNotContain("old-secret-value", "new-secret-value", "pw-123").contains("\"secret\":\"***\"")
                .contains("\"secretsSet\":[\"password\"]");
        assertThat(created).doesNotContain("new-secret-value", "pw-123").contains("\"created\"");
        assertThat(AuditSummary.secret("token")).isTrue();
        assertThat(AuditSummary.secret("tokenPrefix")).isFalse();
        assertThat(AuditSummary.secret("openingHours")).isFalse();
    }

    @Test
    void longValuesAreCutAndTheWholeStaysWithinTheColumn() {
        String longName = "x".repeat(500);
        JsonObject after = json("{\"name\":\"" + longName + "\",\"members\":[" + "{\"extension\":\"1001\"},".repeat(200) + "{}]}");

        String summary = AuditSummary.of(AuditAction.CREATED, null, after, List.of(), null);

        assertThat(summary.length()).isLessThanOrEqualTo(AuditEntry.SUMMARY_LENGTH);
        assertThat(summary).doesNotContain(longName).contains("[201 items]");

        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            many.append("\"field").append(i).append("\":\"").append("v".repeat(100)).append("\",");
        }
        String huge = AuditSummary.of(AuditAction.CREATED, null, json(many.append("\"last\":1}").toString()), List.of(), null);
        assertThat(huge.length()).isLessThanOrEqualTo(AuditEntry.SUMMARY_LENGTH);
    }

    @Test
    void aDeletionKeepsWhatWasDeleted() {
        String summary = AuditSummary.of(AuditAction.DELETED, json("{\"id\":3,\"name\":\"Sales\"}"), null, List.of(), null);
        assertThat(json(summary).getJsonObject("deleted").getString("name")).isEqualTo("Sales");
    }
}
