package io.verbund.acd.stats.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.statistics.SliceFigures;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.access.StatsTenant;
import io.verbund.acd.stats.kpi.KpiDefinitions;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The service level per tenant and group as Prometheus gauges ({@code verbund_service_level_percent}
 * with {@code window} today, 15m, 60m), under each tenant's current KPI definition: the same figures
 * the supervisor sees, computed every {@value #EVERY_SECONDS} s from the real-time replica, never
 * per scrape. NaN while no call counts for it (Prometheus shows no value rather than 0 %).
 */
@ApplicationScoped
public class ServiceLevelMeters {

    private static final Logger LOG = Logger.getLogger(ServiceLevelMeters.class);
    static final long EVERY_SECONDS = 30;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final MeterRegistry registry;
    private final Datasources datasources;
    private final KpiDefinitions definitions;
    private final Clock clock;
    private final Map<String, AtomicReference<Double>> levels = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> refreshing;

    @Inject
    public ServiceLevelMeters(MeterRegistry registry, Datasources datasources, KpiDefinitions definitions, Clock clock) {
        this.registry = registry;
        this.datasources = datasources;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected ServiceLevelMeters() {
        this(null, null, null, null);
    }

    void onStartup(@Observes Startup event) {
        refreshing = scheduler.scheduleWithFixedDelay(this::refresh, 10, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
    }

    void refresh() {
        try (Connection db = datasources.forRole(DatasourceRole.REALTIME).getConnection()) {
            for (StatsTenant tenant : tenants(db)) {
                KpiDefinition definition = definitions.current(tenant, DatasourceRole.REALTIME);
                ReportScope everything = new ReportScope(tenant, Optional.empty(), "metrics");
                for (GroupNow group : TodaySums.groups(db, everything, LiveWindows.at(clock.instant(), tenant.zone()))) {
                    set(tenant.key(), group.groupId(), "today", group.today(), definition);
                    set(tenant.key(), group.groupId(), "15m", group.lastShort(), definition);
                    set(tenant.key(), group.groupId(), "60m", group.lastLong(), definition);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("service-level gauges not refreshed: %s", e.getMessage());
        }
    }

    private void set(TenantKey tenant, long group, String window, SliceFigures figures, KpiDefinition definition) {
        double level = figures.serviceLevelPercent(definition).orElse(Double.NaN);
        levels.computeIfAbsent(tenant.value() + "/" + group + "/" + window, key -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            registry.gauge("verbund.service.level.percent", Tags.of("tenant", tenant.value(), "group", Long.toString(group), "window", window),
                    holder, AtomicReference::get);
            return holder;
        }).set(level);
    }

    private static List<StatsTenant> tenants(Connection db) throws SQLException {
        List<StatsTenant> tenants = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id, tenant_key, time_zone FROM tenant"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ZoneId zone;
                try {
                    zone = ZoneId.of(rows.getString(3));
                } catch (DateTimeException e) {
                    zone = ZoneOffset.UTC;
                }
                tenants.add(new StatsTenant(rows.getLong(1), new TenantKey(rows.getString(2)), zone));
            }
        }
        return tenants;
    }
}
