package io.verbund.acd.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.alarm.Alarm;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final Check UP = Check.up(Json.createObjectBuilder());
    private static final Check DOWN = Check.down("Connection refused");

    @Test
    void isUpWhenEveryRequiredPartIsUp() {
        HealthReport report = report(Map.of(DatasourceRole.MASTER, UP, DatasourceRole.REALTIME, UP,
                DatasourceRole.REPORTING, UP), EnumSet.allOf(DatasourceRole.class), UP);

        JsonObject json = report.toJson();

        assertThat(report.up()).isTrue();
        assertThat(json.getString("status")).isEqualTo("UP");
        assertThat(json.getJsonObject("checks").getJsonObject("datasources").keySet())
                .containsExactlyInAnyOrder("master", "realtime", "reporting");
    }

    @Test
    void isDownWhenARequiredRoleIsDown() {
        HealthReport report = report(Map.of(DatasourceRole.MASTER, DOWN, DatasourceRole.REALTIME, UP,
                DatasourceRole.REPORTING, UP), EnumSet.allOf(DatasourceRole.class), UP);

        assertThat(report.up()).isFalse();
        assertThat(report.toJson().getJsonObject("checks").getJsonObject("datasources")
                .getJsonObject("master").getString("status")).isEqualTo("DOWN");
    }

    @Test
    void staysUpWhenOnlyARoleItDoesNotNeedIsDown() {
        HealthReport report = report(Map.of(DatasourceRole.MASTER, UP, DatasourceRole.REALTIME, UP,
                DatasourceRole.REPORTING, DOWN), EnumSet.of(DatasourceRole.MASTER, DatasourceRole.REALTIME), UP);

        assertThat(report.up()).isTrue();
        assertThat(report.toJson().getJsonObject("checks").getJsonObject("datasources")
                .getJsonObject("reporting").getBoolean("required")).isFalse();
    }

    @Test
    void isDownWhileTheSchemaIsNotReady() {
        HealthReport report = report(Map.of(DatasourceRole.MASTER, UP, DatasourceRole.REALTIME, UP,
                DatasourceRole.REPORTING, UP), EnumSet.allOf(DatasourceRole.class), DOWN);

        assertThat(report.up()).isFalse();
    }

    @Test
    void showsAlarmsWithoutGoingDown() {
        Alarm failover = new Alarm("DB_MASTER_FAILED_OVER", "CRITICAL", "writes on server_id 2", Instant.parse("2026-11-25T10:00:00Z"),
                Json.createObjectBuilder().add("activeServerId", 2).build());
        HealthReport report = new HealthReport("telephony-server", "node-a", "test", Map.of(DatasourceRole.MASTER, UP),
                EnumSet.of(DatasourceRole.MASTER), UP, UP, List.of(failover));

        JsonObject json = report.toJson();

        assertThat(json.getString("status")).isEqualTo("UP");
        assertThat(json.getJsonArray("alarms")).hasSize(1);
        assertThat(json.getJsonArray("alarms").getJsonObject(0).getString("code")).isEqualTo("DB_MASTER_FAILED_OVER");
        assertThat(json.getJsonArray("alarms").getJsonObject(0).getJsonObject("details").getInt("activeServerId")).isEqualTo(2);
    }

    @Test
    void aServicesOwnCheckIsReportedAndADownOneMakesTheServiceDown() {
        HealthReport up = new HealthReport("storage-service", "node-a", "test", Map.of(DatasourceRole.MASTER, UP),
                EnumSet.of(DatasourceRole.MASTER), UP, UP, List.of(), Map.of("storage", UP));
        assertThat(up.toJson().getString("status")).isEqualTo("UP");
        assertThat(up.toJson().getJsonObject("checks").getJsonObject("storage").getString("status")).isEqualTo("UP");

        HealthReport down = new HealthReport("storage-service", "node-a", "test", Map.of(DatasourceRole.MASTER, UP),
                EnumSet.of(DatasourceRole.MASTER), UP, UP, List.of(), Map.of("storage", DOWN));
        assertThat(down.up()).isFalse();
        assertThat(down.toJson().getJsonObject("checks").getJsonObject("storage").getString("problem")).isEqualTo("Connection refused");
    }

    private static HealthReport report(Map<DatasourceRole, Check> roles, EnumSet<DatasourceRole> required, Check schema) {
        return new HealthReport("telephony-server", "node-a", "test", roles, required, schema, UP, List.of());
    }
}
