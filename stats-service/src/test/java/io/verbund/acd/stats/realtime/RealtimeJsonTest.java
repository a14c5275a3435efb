package io.verbund.acd.stats.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.statistics.AgentStateTime;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.ServiceLevelVariant;
import io.verbund.acd.statistics.SliceFigures;
import io.verbund.acd.stats.access.StatsTenant;
import io.verbund.acd.stats.report.ReadFrom;
import io.verbund.acd.tenant.TenantKey;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeJsonTest {

    private static final StatsTenant TENANT = new StatsTenant(1, new TenantKey("demo"), ZoneId.of("Europe/Berlin"));
    private static final LiveWindows NOON = LiveWindows.at(Instant.parse("2025-07-01T10:00:00Z"), TENANT.zone());
    private static final ReadFrom REPLICA_ONE = new ReadFrom("REALTIME", 2);

    /** Answered, waited {@code waitSeconds}, talked {@code talkSeconds}, wrap-up 10 s; within a 20 s target or not. */
    private static SliceFigures answered(int waitSeconds, int talkSeconds) {
        return new SliceFigures(1, 1, waitSeconds <= 20 ? 1 : 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, Duration.ofSeconds(waitSeconds),
                Duration.ofSeconds(waitSeconds), Duration.ofSeconds(talkSeconds), Duration.ofSeconds(10));
    }

    private static SliceFigures abandoned(int waitSeconds, boolean shortOne) {
        return new SliceFigures(1, 0, 0, 1, shortOne ? 1 : 0, waitSeconds <= 20 ? 1 : 0, shortOne && waitSeconds <= 20 ? 1 : 0, 0, 0, 0, 0, 0,
                Duration.ZERO, Duration.ofSeconds(waitSeconds), Duration.ZERO, Duration.ZERO);
    }

    private static JsonObject only(JsonObject answer) {
        return answer.getJsonArray("groups").getJsonObject(0);
    }

    @Test
    void theDayAndTheLastMinutesHaveTheirOwnServiceLevelUnderTheStandardDefinition() {
        SliceFigures earlier = answered(40, 60).plus(abandoned(30, false));
        SliceFigures recent = answered(5, 90).plus(abandoned(2, true));
        GroupNow group = new GroupNow(7, "Sales", 20, 80, earlier.plus(recent), recent, recent.plus(answered(50, 30)));

        JsonObject item = only(RealtimeJson.groups(TENANT, NOON, KpiDefinition.STANDARD, REPLICA_ONE, List.of(group)));

        assertThat(item.getInt("offered")).isEqualTo(4);
        assertThat(item.getInt("answered")).isEqualTo(2);
        assertThat(item.getInt("abandoned")).as("short ones included").isEqualTo(2);
        assertThat(item.getInt("shortAbandoned")).isEqualTo(1);
        assertThat(item.getJsonNumber("serviceLevelPercent").doubleValue()).as("1 within of 2 answered + 1 counted abandon").isEqualTo(33.3);
        assertThat(item.getJsonNumber("serviceLevelLast15Percent").doubleValue()).as("the short abandon is left out").isEqualTo(100.0);
        assertThat(item.getJsonNumber("serviceLevelLast60Percent").doubleValue()).isEqualTo(50.0);
        assertThat(item.getInt("offeredLast15")).isEqualTo(2);
        assertThat(item.getInt("offeredLast60")).isEqualTo(3);
        assertThat(item.getJsonNumber("asaSeconds").longValue()).isEqualTo(23);
        assertThat(item.getJsonNumber("longestWaitSeconds").longValue()).isEqualTo(40);
    }

    @Test
    void aGroupWithoutCallsHasNoServiceLevelRatherThanZero() {
        GroupNow quiet = new GroupNow(8, "Quiet", 30, 90, SliceFigures.NONE, SliceFigures.NONE, SliceFigures.NONE);

        JsonObject item = only(RealtimeJson.groups(TENANT, NOON, KpiDefinition.STANDARD, REPLICA_ONE, List.of(quiet)));

        assertThat(item.getInt("offered")).isZero();
        assertThat(item.getInt("targetSeconds")).isEqualTo(30);
        assertThat(item.getInt("targetPercent")).isEqualTo(90);
        assertThat(item.containsKey("serviceLevelPercent")).isFalse();
        assertThat(item.containsKey("serviceLevelLast15Percent")).isFalse();
        assertThat(item.containsKey("asaSeconds")).isFalse();
    }

    @Test
    void theTenantsDefinitionDecidesHowAbandonsCount() {
        SliceFigures day = answered(5, 60).plus(abandoned(30, false));
        GroupNow group = new GroupNow(7, "Sales", 20, 80, day, day, day);
        KpiDefinition abandonsExcluded = new KpiDefinition(2, ServiceLevelVariant.ABANDONS_EXCLUDED, true, true);

        JsonObject answer = RealtimeJson.groups(TENANT, NOON, abandonsExcluded, REPLICA_ONE, List.of(group));

        assertThat(only(answer).getJsonNumber("serviceLevelPercent").doubleValue()).isEqualTo(100.0);
        assertThat(answer.getJsonObject("kpiDefinition").getInt("version")).isEqualTo(2);
    }

    @Test
    void saysWhereTodayBeganAndWhichServerAnswered() {
        JsonObject answer = RealtimeJson.groups(TENANT, NOON, KpiDefinition.STANDARD, REPLICA_ONE, List.of());

        assertThat(answer.getString("since")).isEqualTo("2025-07-01T00:00+02:00");
        assertThat(answer.getJsonObject("readFrom").getString("role")).isEqualTo("REALTIME");
        assertThat(answer.getJsonObject("readFrom").getInt("serverId")).isEqualTo(2);
    }

    @Test
    void anAgentsDayHasItsCallsHandleTimeAndTimeInState() {
        AgentStateTime states = new AgentStateTime(Map.of(AgentState.READY, Duration.ofMinutes(30), AgentState.ON_CALL, Duration.ofSeconds(150),
                AgentState.WRAP_UP, Duration.ofSeconds(20), AgentState.PAUSED, Duration.ofMinutes(10)), Map.of());
        AgentNow agent = new AgentNow(3, "1001", "Anna", answered(5, 60).plus(answered(10, 90)), Duration.ofSeconds(90), states);

        JsonObject day = RealtimeJson.agent(TENANT, NOON, KpiDefinition.STANDARD, REPLICA_ONE, agent);

        assertThat(day.getString("extension")).isEqualTo("1001");
        assertThat(day.getInt("answered")).isEqualTo(2);
        assertThat(day.getJsonNumber("talkSeconds").longValue()).isEqualTo(150);
        assertThat(day.getJsonNumber("averageTalkSeconds").longValue()).isEqualTo(75);
        assertThat(day.getJsonNumber("longestTalkSeconds").longValue()).isEqualTo(90);
        assertThat(day.getJsonNumber("ahtSeconds").longValue()).as("wrap-up in handle time").isEqualTo(85);
        assertThat(day.getJsonNumber("readySeconds").longValue()).isEqualTo(1800);
        assertThat(day.getJsonNumber("pausedSeconds").longValue()).isEqualTo(600);
    }

    @Test
    void anAgentWithoutCallsHasNoHandleTime() {
        AgentNow agent = new AgentNow(3, "1001", "Anna", SliceFigures.NONE, Duration.ZERO, AgentStateTime.NONE);

        JsonObject day = RealtimeJson.agent(TENANT, NOON, KpiDefinition.STANDARD, REPLICA_ONE, agent);

        assertThat(day.getInt("answered")).isZero();
        assertThat(day.getJsonNumber("averageTalkSeconds").longValue()).isZero();
        assertThat(day.containsKey("ahtSeconds")).isFalse();
        assertThat(day.containsKey("occupancyPercent")).isFalse();
    }
}
