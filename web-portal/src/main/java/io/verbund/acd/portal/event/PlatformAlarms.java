package io.verbund.acd.portal.event;

import io.verbund.acd.runtime.alarm.Alarm;
import io.verbund.acd.runtime.alarm.MasterFailoverWatch;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Platform alarms (a database failover) as {@code alarm} events for every tenant's admins and
 * supervisors: raised when the alarm starts, cleared when it ends. The browser app shows a banner
 * while one is active; {@code GET /health} lists them too.
 */
@ApplicationScoped
public class PlatformAlarms {

    private static final long PERIOD_SECONDS = 3;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final MasterFailoverWatch failover;
    private final EventJournal journal;
    private Optional<Alarm> last = Optional.empty();
    private ScheduledFuture<?> watching;

    @Inject
    public PlatformAlarms(MasterFailoverWatch failover, EventJournal journal) {
        this.failover = failover;
        this.journal = journal;
    }

    /** For CDI's proxy only. */
    protected PlatformAlarms() {
        this.failover = null;
        this.journal = null;
    }

    void start(@Observes Startup startup) {
        watching = scheduler.scheduleWithFixedDelay(this::look, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (watching != null) {
            watching.cancel(false);
        }
    }

    synchronized void look() {
        Optional<Alarm> now = failover.current();
        if (now.map(Alarm::code).equals(last.map(Alarm::code))) {
            return;
        }
        Alarm changed = now.orElseGet(last::get);
        journal.publishToAll("alarm", Audience.STAFF, Json.createObjectBuilder().add("code", changed.code())
                .add("active", now.isPresent()).add("severity", changed.severity()).add("message", changed.message())
                .build().toString());
        last = now;
    }
}
