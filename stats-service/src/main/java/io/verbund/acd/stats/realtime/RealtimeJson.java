package io.verbund.acd.stats.realtime;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.SliceFigures;
import io.verbund.acd.stats.access.StatsTenant;
import io.verbund.acd.stats.report.ReadFrom;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of real time: the period ({@code since} midnight in the tenant's zone, {@code at} now),
 * the KPI definition the figures were read under and the server they were read from, then the
 * figures. Durations are whole seconds; a KPI without calls to count is left out, not 0.
 */
final class RealtimeJson {

    private RealtimeJson() {
    }

    static JsonObject groups(StatsTenant tenant, LiveWindows windows, KpiDefinition definition, ReadFrom readFrom, List<GroupNow> groups) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (GroupNow group : groups) {
            items.add(group(group, definition));
        }
        return head(tenant, windows, definition, readFrom).add("groups", items).build();
    }

    static JsonObject group(GroupNow group, KpiDefinition definition) {
        SliceFigures today = group.today();
        JsonObjectBuilder item = Json.createObjectBuilder().add("groupId", group.groupId()).add("group", group.name())
                .add("targetSeconds", group.targetSeconds()).add("targetPercent", group.targetPercent())
                .add("offered", today.offered()).add("answered", today.answered()).add("answeredWithinTarget", today.answeredWithinTarget())
                .add("abandoned", today.abandoned()).add("shortAbandoned", today.shortAbandoned()).add("voicemails", today.voicemails())
                .add("callbacks", today.callbacks()).add("left", today.left());
        percent(item, "serviceLevelPercent", today.serviceLevelPercent(definition));
        percent(item, "abandonRatePercent", today.abandonRatePercent(definition));
        seconds(item, "asaSeconds", today.averageSpeedOfAnswer());
        item.add("longestWaitSeconds", seconds(today.longestWait()));
        item.add("offeredLast15", group.lastShort().offered()).add("offeredLast60", group.lastLong().offered());
        percent(item, "serviceLevelLast15Percent", group.lastShort().serviceLevelPercent(definition));
        percent(item, "serviceLevelLast60Percent", group.lastLong().serviceLevelPercent(definition));
        return item.build();
    }

    static JsonObject agent(StatsTenant tenant, LiveWindows windows, KpiDefinition definition, ReadFrom readFrom, AgentNow agent) {
        SliceFigures calls = agent.calls();
        JsonObjectBuilder day = head(tenant, windows, definition, readFrom).add("extension", agent.extension()).add("name", agent.name())
                .add("answered", calls.answered()).add("handled", calls.handled()).add("transfers", calls.transfers())
                .add("talkSeconds", seconds(calls.talk())).add("averageTalkSeconds", seconds(agent.averageTalk().orElse(Duration.ZERO)))
                .add("longestTalkSeconds", seconds(agent.longestTalk())).add("wrapUpSeconds", seconds(calls.wrapUp()));
        seconds(day, "ahtSeconds", agent.averageHandleTime(definition));
        day.add("loggedInSeconds", seconds(agent.states().loggedIn())).add("readySeconds", seconds(agent.states().in(AgentState.READY)))
                .add("onCallSeconds", seconds(agent.states().in(AgentState.ON_CALL)))
                .add("pausedSeconds", seconds(agent.states().in(AgentState.PAUSED)));
        percent(day, "occupancyPercent", agent.states().occupancyPercent());
        return day.build();
    }

    private static JsonObjectBuilder head(StatsTenant tenant, LiveWindows windows, KpiDefinition definition, ReadFrom readFrom) {
        return Json.createObjectBuilder().add("tenant", tenant.key().value()).add("timeZone", tenant.zone().getId())
                .add("since", windows.midnight().atZone(tenant.zone()).toOffsetDateTime().toString()).add("at", windows.now().toString())
                .add("kpiDefinition", Json.createObjectBuilder().add("version", definition.version())
                        .add("serviceLevel", definition.serviceLevel().name()).add("shortAbandonsExcluded", definition.shortAbandonsExcluded())
                        .add("wrapUpInHandleTime", definition.wrapUpInHandleTime()))
                .add("readFrom", Json.createObjectBuilder().add("role", readFrom.role()).add("serverId", readFrom.serverId()));
    }

    private static void percent(JsonObjectBuilder object, String name, Optional<Double> percent) {
        percent.ifPresent(value -> object.add(name, Math.round(value * 10) / 10.0));
    }

    private static void seconds(JsonObjectBuilder object, String name, Optional<Duration> duration) {
        duration.ifPresent(value -> object.add(name, seconds(value)));
    }

    private static long seconds(Duration duration) {
        return Math.round(duration.toMillis() / 1000.0);
    }
}
