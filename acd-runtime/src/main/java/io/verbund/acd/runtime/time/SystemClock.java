package io.verbund.acd.runtime.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one place a service takes its time from: beans inject {@link Clock} (timers, leases, wrap-up,
 * longest idle, token expiry) instead of calling {@code Clock.systemUTC()}, so the rules they
 * carry out run in tests on a movable clock. UTC: local times come from a tenant's zone, explicitly.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
