package io.verbund.acd.telephony.directory;

import io.verbund.acd.call.CallbackRetries;
import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.SipCredentials;
import io.verbund.acd.call.TransferNumbers;
import io.verbund.acd.callflow.CallFlow;
import io.verbund.acd.runtime.cache.TimedCache;
import io.verbund.acd.runtime.callflow.CallFlowGraphJson;
import io.verbund.acd.runtime.config.ConfigurationChanges;
import io.verbund.acd.runtime.datasource.MasterFirstReads;
import io.verbund.acd.schedule.OpeningHours;
import io.verbund.acd.agent.PauseLimits;
import io.verbund.acd.routing.RedialDelays;
import io.verbund.acd.runtime.routing.SkillStepsJson;
import io.verbund.acd.skill.AgentSkills;
import io.verbund.acd.skill.InvalidSkillRequirements;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.skill.SkillName;
import io.verbund.acd.skill.SkillRequirements;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * JDBC look-ups of the configuration the call path needs, each cached for a short while, on the
 * master, or on replica 1 when the master fails them (its failover's seconds). A change
 * committed through the portal empties the caches on every node at once ({@link ConfigurationChanges}),
 * so the next call follows it; the expiry only covers changes made behind the API's back.
 */
@ApplicationScoped
public class TelephonyDirectory {

    private static final Logger LOG = Logger.getLogger(TelephonyDirectory.class.getName());
    private static final Duration TTL = Duration.ofSeconds(15);
    /**
     * Service numbers, groups, opening hours and pause limits read a moment ago keep routing calls
     * this long into a database outage (the journal keeps what the calls write); phone accounts do
     * not: they are credentials.
     */
    private static final Duration STALE_WHILE_UNAVAILABLE = Duration.ofMinutes(10);
    private static final int SIZE_LIMIT = 100_000;

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    /** Replica 1, for the look-ups the master fails in its failover's seconds. */
    @Resource(lookup = "java:jboss/datasources/AcdRealtimeDS")
    private DataSource realtime;

    private final MasterFirstReads reads;

    @Inject
    private ConfigurationChanges changes;

    private final Runnable forget = this::forgetAll;

    // Misses are remembered too (an empty Optional): an unknown number must not cost a query per INVITE.
    private final TimedCache<String, Optional<ServiceNumberRoute>> numbers;
    private final TimedCache<String, Optional<GroupSettings>> groups;
    private final TimedCache<String, Optional<PhoneAccount>> phones;
    private final TimedCache<String, Optional<OpeningHours>> hours;
    private final TimedCache<TenantKey, PauseLimits> pauseLimits;

    @Inject
    public TelephonyDirectory(Clock clock) {
        this.numbers = new TimedCache<>(TTL, SIZE_LIMIT, clock);
        this.groups = new TimedCache<>(TTL, SIZE_LIMIT, clock);
        this.phones = new TimedCache<>(TTL, SIZE_LIMIT, clock);
        this.hours = new TimedCache<>(TTL, SIZE_LIMIT, clock);
        this.pauseLimits = new TimedCache<>(TTL, SIZE_LIMIT, clock);
        this.reads = new MasterFirstReads(clock);
    }

    /** For CDI's proxy only. */
    protected TelephonyDirectory() {
        this(null);
    }

    @PostConstruct
    void watchChanges() {
        changes.watch(forget);
    }

    @PreDestroy
    void stopWatching() {
        changes.stopWatching(forget);
    }

    private void forgetAll() {
        numbers.clear();
        groups.clear();
        phones.clear();
        hours.clear();
        pauseLimits.clear();
    }

    public Optional<ServiceNumberRoute> serviceNumber(String number) {
        return numbers.getOrStale(number, this::loadServiceNumber, STALE_WHILE_UNAVAILABLE);
    }

    public Optional<GroupSettings> group(long tenantId, String name) {
        return groups.getOrStale(tenantId + "/" + name, key -> loadGroup(tenantId, name), STALE_WHILE_UNAVAILABLE);
    }

    public Optional<PhoneAccount> phone(String sipUsername) {
        return phones.get(sipUsername, this::loadPhone);
    }

    /**
     * The agent of the group who last answered this caller since {@code since}, read fresh (the
     * call before may have ended a minute ago); empty for an anonymous caller or none found.
     */
    public Optional<AgentKey> lastAgentOf(long tenantId, long groupId, String caller, Instant since) {
        if (caller == null || caller.isBlank()) {
            return Optional.empty();
        }
        String sql = "SELECT t.tenant_key, a.extension FROM call_record r JOIN agent a ON a.id = r.agent_id AND a.enabled"
                + " JOIN tenant t ON t.id = r.tenant_id JOIN group_membership m ON m.agent_id = a.id AND m.group_id = ?"
                + " WHERE r.tenant_id = ? AND r.caller = ? AND r.received_at >= ? AND r.answered_at IS NOT NULL"
                + " ORDER BY r.received_at DESC LIMIT 1";
        return query(sql, statement -> {
            statement.setLong(1, groupId);
            statement.setLong(2, tenantId);
            statement.setString(3, caller);
            // As the call recorder writes its times.
            statement.setTimestamp(4, java.sql.Timestamp.from(since));
        }, rows -> rows.next() ? Optional.of(new AgentKey(new TenantKey(rows.getString(1)), rows.getString(2))) : Optional.empty());
    }

    /** How long each of the tenant's pause reasons may last (reasons without a limit are left out). */
    public PauseLimits pauseLimits(TenantKey tenant) {
        return pauseLimits.getOrStale(tenant, this::loadPauseLimits, STALE_WHILE_UNAVAILABLE);
    }

    private PauseLimits loadPauseLimits(TenantKey tenant) {
        String sql = "SELECT p.code, p.max_seconds FROM pause_reason p JOIN tenant t ON t.id = p.tenant_id"
                + " WHERE t.tenant_key = ? AND p.max_seconds IS NOT NULL";
        return query(sql, statement -> statement.setString(1, tenant.value()), rows -> {
            Map<String, Duration> limits = new HashMap<>();
            while (rows.next()) {
                limits.put(rows.getString(1), Duration.ofSeconds(rows.getInt(2)));
            }
            return new PauseLimits(limits);
        });
    }

    /**
     * The tenant's enabled agent with this extension, read fresh (a transfer is rare, and must not
     * ring an agent disabled a moment ago).
     */
    public Optional<AgentLine> agent(long tenantId, String extension) {
        String sql = "SELECT a.id, t.tenant_key, a.sip_username FROM agent a JOIN tenant t ON t.id = a.tenant_id"
                + " WHERE a.tenant_id = ? AND a.extension = ? AND a.enabled";
        return query(sql, statement -> {
            statement.setLong(1, tenantId);
            statement.setString(2, extension);
        }, rows -> rows.next()
                ? Optional.of(new AgentLine(rows.getLong(1), new AgentKey(new TenantKey(rows.getString(2)), extension), rows.getString(3)))
                : Optional.empty());
    }

    /**
     * The external numbers the tenant's calls may be transferred to, read fresh like {@link #agent}: a
     * transfer is rare, and a list narrowed a moment ago must already hold. A stored pattern that is
     * none (written behind the API's back) opens nothing.
     */
    public TransferNumbers transferNumbers(long tenantId) {
        return query("SELECT transfer_numbers FROM tenant WHERE id = ?", statement -> statement.setLong(1, tenantId), rows -> {
            if (!rows.next()) {
                return TransferNumbers.none();
            }
            try {
                return TransferNumbers.parse(rows.getString(1));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "tenant " + tenantId + " has unreadable transfer numbers, none allowed: " + e.getMessage());
                return TransferNumbers.none();
            }
        });
    }

    /**
     * What an outbound call of the tenant needs, read fresh like {@link #transferNumbers}: its id,
     * the caller ID it presents (empty: it places none) and the numbers it may dial (its transfer numbers).
     */
    public Optional<OutboundSettings> outbound(TenantKey tenant) {
        return query("SELECT id, outbound_caller_id, transfer_numbers, default_locale FROM tenant WHERE tenant_key = ?",
                statement -> statement.setString(1, tenant.value()), rows -> {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    TransferNumbers allowed;
                    try {
                        allowed = TransferNumbers.parse(rows.getString(3));
                    } catch (IllegalArgumentException e) {
                        allowed = TransferNumbers.none();
                    }
                    return Optional.of(new OutboundSettings(rows.getLong(1), Optional.ofNullable(rows.getString(2)), allowed, rows.getString(4)));
                });
    }

    /** The tenant's group by its id, as {@link #group(long, String)} has it. */
    public Optional<GroupSettings> group(long tenantId, long groupId) {
        Optional<String> name = query("SELECT name FROM acd_group WHERE tenant_id = ? AND id = ?", statement -> {
            statement.setLong(1, tenantId);
            statement.setLong(2, groupId);
        }, rows -> rows.next() ? Optional.of(rows.getString(1)) : Optional.empty());
        return name.flatMap(found -> group(tenantId, found));
    }

    /** Whether the agent gave the call a disposition yet: read fresh, never cached (wrap-up waits on it). */
    public boolean hasDisposition(String callId) {
        return query("SELECT disposition IS NOT NULL FROM call_record WHERE call_id = ?", statement -> statement.setString(1, callId),
                rows -> rows.next() && rows.getBoolean(1));
    }

    /** Unknown opening hours count as closed: a misconfigured flow must not look open. */
    public boolean isOpen(long tenantId, String openingHours, Instant at) {
        return hours.getOrStale(tenantId + "/" + openingHours, key -> loadOpeningHours(tenantId, openingHours), STALE_WHILE_UNAVAILABLE)
                .map(schedule -> schedule.isOpen(at)).orElse(false);
    }

    private Optional<ServiceNumberRoute> loadServiceNumber(String number) {
        String sql = "SELECT t.tenant_key, t.id, t.max_channels, f.name, v.version, v.graph, t.default_locale, s.answer_on_queue FROM service_number s"
                + " JOIN tenant t ON t.id = s.tenant_id AND t.enabled"
                + " JOIN call_flow f ON f.id = s.call_flow_id"
                + " JOIN call_flow_version v ON v.call_flow_id = f.id AND v.version = f.current_version"
                + " WHERE s.number = ?";
        return query(sql, statement -> statement.setString(1, number), rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            Integer maxChannels = rows.getObject(3) == null ? null : rows.getInt(3);
            CallFlow flow = parseFlow(rows.getString(4), rows.getInt(5), rows.getString(6));
            return Optional.of(new ServiceNumberRoute(number, new TenantKey(rows.getString(1)), rows.getLong(2), maxChannels, flow,
                    rows.getString(7), rows.getBoolean(8)));
        });
    }

    private Optional<GroupSettings> loadGroup(long tenantId, String name) {
        String sql = "SELECT g.id, t.tenant_key, g.strategy, g.ring_time_seconds, g.wrap_up_seconds,"
                + " g.max_consecutive_no_answer, g.redial_delay_seconds, g.forced_disposition,"
                + " g.recording, g.recording_notice, g.skill_steps, g.any_member_after_steps,"
                + " COALESCE(g.redial_delay_busy_seconds, g.redial_delay_seconds),"
                + " COALESCE(g.redial_delay_rejected_seconds, g.redial_delay_seconds),"
                + " COALESCE(g.redial_delay_unregistered_seconds, g.redial_delay_seconds), g.last_agent_days, g.last_agent_seconds,"
                + " g.wrap_up_extension_seconds, g.weight, g.callback_max_attempts, g.callback_retry_seconds, g.callback_max_age_minutes"
                + " FROM acd_group g JOIN tenant t ON t.id = g.tenant_id WHERE g.tenant_id = ? AND g.name = ?";
        record Bare(GroupSettings settings, String steps, boolean anyMemberAfterSteps) {
        }
        Optional<Bare> bare = query(sql, statement -> {
            statement.setLong(1, tenantId);
            statement.setString(2, name);
        }, rows -> rows.next()
                ? Optional.of(new Bare(new GroupSettings(rows.getLong(1), new TenantKey(rows.getString(2)), tenantId, name,
                        rows.getString(3), rows.getInt(4), rows.getInt(5), rows.getInt(18), rows.getInt(6),
                        new RedialDelays(Duration.ofSeconds(rows.getInt(7)), Duration.ofSeconds(rows.getInt(13)),
                                Duration.ofSeconds(rows.getInt(14)), Duration.ofSeconds(rows.getInt(15))), rows.getBoolean(8),
                        rows.getBoolean(9), rows.getBoolean(10), SkillRequirements.NONE,
                        rows.getObject(16) == null ? Optional.empty() : Optional.of(new GroupSettings.LastAgentPreference(
                                Duration.ofDays(rows.getInt(16)), Duration.ofSeconds(rows.getInt(17)))),
                        rows.getDouble(19), new CallbackRetries(rows.getInt(20), Duration.ofSeconds(rows.getInt(21)),
                                Duration.ofMinutes(rows.getInt(22))), List.of()), rows.getString(11), rows.getBoolean(12)))
                : Optional.empty());
        return bare.map(found -> {
            GroupSettings group = found.settings();
            Map<Long, Map<SkillName, Integer>> skills = memberSkills(group.id());
            String members = "SELECT a.id, a.extension, a.sip_username, m.penalty,"
                    + " COALESCE((SELECT MAX(s.proficiency) FROM agent_skill s JOIN group_skill_requirement r"
                    + "   ON r.skill_id = s.skill_id AND r.group_id = m.group_id WHERE s.agent_id = a.id), 0), m.position"
                    + " FROM group_membership m JOIN agent a ON a.id = m.agent_id AND a.enabled WHERE m.group_id = ?"
                    + " ORDER BY m.position, a.extension";
            List<GroupMember> list = query(members, statement -> statement.setLong(1, group.id()), rows -> {
                List<GroupMember> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(new GroupMember(rows.getLong(1), new AgentKey(group.tenant(), rows.getString(2)), rows.getString(3),
                            rows.getInt(4), rows.getInt(5), rows.getInt(6),
                            new AgentSkills(skills.getOrDefault(rows.getLong(1), Map.of()))));
                }
                return read;
            });
            return new GroupSettings(group.id(), group.tenant(), tenantId, name, group.strategy(), group.ringTimeSeconds(),
                    group.wrapUpSeconds(), group.wrapUpExtensionSeconds(), group.maxConsecutiveNoAnswer(), group.redialDelays(),
                    group.forcedDisposition(), group.recording(), group.recordingNotice(), requirements(group, found.steps(), found.anyMemberAfterSteps()),
                    group.lastAgent(), group.weight(), group.callbackRetries(), list);
        });
    }

    /** The skills of the group's members, by agent id. */
    private Map<Long, Map<SkillName, Integer>> memberSkills(long groupId) {
        String sql = "SELECT s.agent_id, k.name, s.proficiency FROM group_membership m JOIN agent_skill s ON s.agent_id = m.agent_id"
                + " JOIN skill k ON k.id = s.skill_id WHERE m.group_id = ?";
        return query(sql, statement -> statement.setLong(1, groupId), rows -> {
            Map<Long, Map<SkillName, Integer>> found = new HashMap<>();
            while (rows.next()) {
                found.computeIfAbsent(rows.getLong(1), any -> new HashMap<>()).put(new SkillName(rows.getString(2)), rows.getInt(3));
            }
            return found;
        });
    }

    /**
     * The group's skill requirements: the minimum (group_skill_requirement) always, and its steps.
     * Steps the portal validated cannot be wrong; if they are (written around it), routing falls
     * back to the minimum, which is still enforced, and says so.
     */
    private SkillRequirements requirements(GroupSettings group, String steps, boolean anyMemberAfterSteps) {
        String sql = "SELECT k.name, r.min_proficiency FROM group_skill_requirement r JOIN skill k ON k.id = r.skill_id"
                + " WHERE r.group_id = ? ORDER BY k.name";
        List<SkillCondition> minimum = query(sql, statement -> statement.setLong(1, group.id()), rows -> {
            List<SkillCondition> read = new ArrayList<>();
            while (rows.next()) {
                read.add(SkillCondition.of(rows.getString(1), rows.getInt(2)));
            }
            return read;
        });
        try {
            return new SkillRequirements(minimum, SkillStepsJson.read(steps), anyMemberAfterSteps);
        } catch (InvalidSkillRequirements e) {
            LOG.severe(() -> "ACD group " + group.name() + " of " + group.tenant() + " has unusable skill steps (" + e.getMessage()
                    + "): only its minimum applies");
            return new SkillRequirements(minimum, List.of(), false);
        }
    }

    /**
     * An agent's phone, else a supervisor's (which registers the same way and is keyed by its SIP user
     * name, with agent id 0: it takes no calls of a group, the node only calls it into a supervised call).
     */
    private Optional<PhoneAccount> loadPhone(String sipUsername) {
        String sql = "SELECT t.tenant_key, a.extension, a.id, a.sip_realm, a.sip_ha1 FROM agent a"
                + " JOIN tenant t ON t.id = a.tenant_id AND t.enabled WHERE a.sip_username = ? AND a.enabled"
                + " UNION ALL SELECT t.tenant_key, p.sip_username, 0, p.sip_realm, p.sip_ha1 FROM supervisor_phone p"
                + " JOIN tenant t ON t.id = p.tenant_id AND t.enabled JOIN app_user u ON u.id = p.user_id AND u.enabled"
                + " WHERE p.sip_username = ?";
        return query(sql, statement -> {
            statement.setString(1, sipUsername);
            statement.setString(2, sipUsername);
        }, rows -> rows.next()
                ? Optional.of(new PhoneAccount(new AgentKey(new TenantKey(rows.getString(1)), rows.getString(2)), rows.getLong(3),
                        new SipCredentials(sipUsername, rows.getString(4), rows.getString(5))))
                : Optional.empty());
    }

    private Optional<OpeningHours> loadOpeningHours(long tenantId, String name) {
        String sql = "SELECT o.id, o.time_zone FROM opening_hours o WHERE o.tenant_id = ? AND o.name = ?";
        return query(sql, statement -> {
            statement.setLong(1, tenantId);
            statement.setString(2, name);
        }, rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            long id = rows.getLong(1);
            ZoneId zone = ZoneId.of(rows.getString(2));
            List<OpeningHours.Interval> weekly = query("SELECT day_of_week, start_time, end_time FROM opening_hours_interval"
                    + " WHERE opening_hours_id = ?", statement -> statement.setLong(1, id), intervals -> {
                List<OpeningHours.Interval> found = new ArrayList<>();
                while (intervals.next()) {
                    found.add(new OpeningHours.Interval(DayOfWeek.of(intervals.getInt(1)), time(intervals.getString(2)),
                            endTime(intervals.getString(3))));
                }
                return found;
            });
            Map<LocalDate, List<OpeningHours.Interval>> holidays = query("SELECT day, closed_all_day, open_from, open_until"
                    + " FROM holiday WHERE opening_hours_id = ?", statement -> statement.setLong(1, id), days -> {
                Map<LocalDate, List<OpeningHours.Interval>> found = new HashMap<>();
                while (days.next()) {
                    LocalDate day = days.getDate(1).toLocalDate();
                    found.put(day, days.getBoolean(2) ? List.of()
                            : List.of(new OpeningHours.Interval(day.getDayOfWeek(), time(days.getString(3)), endTime(days.getString(4)))));
                }
                return found;
            });
            return Optional.of(new OpeningHours(name, zone, weekly, holidays));
        });
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.length() == 5 ? text + ":00" : text);
    }

    /** MariaDB's TIME can say 24:00:00, which LocalTime cannot: that is the end of the day. */
    private static LocalTime endTime(String text) {
        return text.startsWith("24:") ? null : time(text);
    }

    static CallFlow parseFlow(String name, int version, String graph) {
        return CallFlowGraphJson.read(graph).toCallFlow(name, version);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try {
            return reads.read(master, realtime, sql, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    binder.bind(statement);
                    try (ResultSet rows = statement.executeQuery()) {
                        return reader.read(rows);
                    }
                }
            });
        } catch (SQLException e) {
            throw new DirectoryUnavailable("configuration look-up failed: " + e.getMessage(), e);
        }
    }
}
