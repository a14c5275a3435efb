package io.verbund.acd.portal.queue;

import io.verbund.acd.runtime.stats.StatsAnswer;
import io.verbund.acd.runtime.stats.StatsClient;
import io.verbund.acd.runtime.stats.StatsUnavailable;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Today's figures per ACD group, as stats-service counts them on the real-time replica
 * ({@code GET …/realtime/groups}, asked with the service secret), kept for {@link #FRESH_FOR} per
 * tenant: however many supervisors and wallboards look, stats-service is asked at most once in that
 * time for a tenant on this node. A tenant's answer covers all its groups; each caller is shown
 * only its own. When stats-service does not answer, or answers with an error, the figures are
 * unavailable (and that, too, is kept for {@link #FRESH_FOR}), never an error of the live view.
 */
@ApplicationScoped
public class GroupFigures {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(GroupFigures.class.getName());

    /**
     * One group's day so far. Percentages and ASA are null while no call counts for them.
     *
     * @param abandoned      every abandoned call, the short ones included
     * @param shortAbandoned those who hung up before the group's short-abandon time
     */
    public record Today(int offered, int answered, int abandoned, int shortAbandoned, int answeredWithinTarget, Double serviceLevelPercent,
                        Double serviceLevelLast15Percent, Double serviceLevelLast60Percent, Double asaSeconds, long longestWaitSeconds,
                        int targetSeconds, int targetPercent) {

        /** A group without a call today. */
        public static Today none(int targetSeconds, int targetPercent) {
            return new Today(0, 0, 0, 0, 0, null, null, null, null, 0, targetSeconds, targetPercent);
        }
    }

    /**
     * A tenant's figures, or none.
     *
     * @param groups   by group id
     * @param readFrom the database role and {@code @@server_id} stats-service read them from
     */
    public record Day(Map<Long, Today> groups, ReadFrom readFrom) {

        public Day {
            groups = Map.copyOf(groups);
        }
    }

    /** Where stats-service read the figures. */
    public record ReadFrom(String role, long serverId) {
    }

    private record Kept(Instant at, Optional<Day> day) {
    }

    private final Function<TenantKey, StatsAnswer> ask;
    private final Clock clock;
    private final Map<TenantKey, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    public GroupFigures(StatsClient stats, Clock clock) {
        this(stats::realtimeGroups, clock);
    }

    GroupFigures(Function<TenantKey, StatsAnswer> ask, Clock clock) {
        this.ask = ask;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected GroupFigures() {
        this.ask = null;
        this.clock = null;
    }

    /** The tenant's figures; empty while stats-service cannot give them. */
    public Optional<Day> of(TenantKey tenant) {
        // compute() holds the tenant's entry: supervisors asking meanwhile wait for this one answer.
        return kept.compute(tenant, (key, before) -> before != null && fresh(before) ? before : new Kept(clock.instant(), fetch(key))).day();
    }

    private boolean fresh(Kept figures) {
        return Duration.between(figures.at(), clock.instant()).compareTo(FRESH_FOR) < 0;
    }

    private Optional<Day> fetch(TenantKey tenant) {
        try (StatsAnswer answer = ask.apply(tenant)) {
            String body = answer.text();
            if (!answer.succeeded()) {
                LOG.warning(() -> "stats-service answered " + answer.status() + " for today's figures of " + tenant + ": " + body);
                return Optional.empty();
            }
            return Optional.of(parse(body));
        } catch (StatsUnavailable e) {
            LOG.log(Level.WARNING, "today's figures of " + tenant + " unavailable: " + e.getMessage());
            return Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "today's figures of " + tenant + " unreadable", e);
            return Optional.empty();
        }
    }

    /** Reads stats-service's {@code realtime/groups} answer. */
    static Day parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject answer = reader.readObject();
            Map<Long, Today> groups = new HashMap<>();
            for (JsonValue value : answer.getJsonArray("groups")) {
                JsonObject group = value.asJsonObject();
                groups.put(group.getJsonNumber("groupId").longValue(), new Today(group.getInt("offered"), group.getInt("answered"),
                        group.getInt("abandoned"), group.getInt("shortAbandoned"), group.getInt("answeredWithinTarget"),
                        number(group, "serviceLevelPercent"), number(group, "serviceLevelLast15Percent"),
                        number(group, "serviceLevelLast60Percent"), number(group, "asaSeconds"),
                        group.getJsonNumber("longestWaitSeconds").longValue(), group.getInt("targetSeconds"), group.getInt("targetPercent")));
            }
            JsonObject readFrom = answer.getJsonObject("readFrom");
            return new Day(groups, new ReadFrom(readFrom.getString("role"), readFrom.getJsonNumber("serverId").longValue()));
        }
    }

    private static Double number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber number ? number.doubleValue() : null;
    }
}
