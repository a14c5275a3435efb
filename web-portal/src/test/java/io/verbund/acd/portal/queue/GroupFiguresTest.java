package io.verbund.acd.portal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.stats.StatsAnswer;
import io.verbund.acd.runtime.stats.StatsUnavailable;
import io.verbund.acd.tenant.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupFiguresTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final String ANSWER = "{\"tenant\":\"demo\",\"readFrom\":{\"role\":\"REALTIME\",\"serverId\":2},\"groups\":["
            + "{\"groupId\":7,\"group\":\"Sales\",\"targetSeconds\":20,\"targetPercent\":80,\"offered\":2,\"answered\":1,"
            + "\"answeredWithinTarget\":1,\"abandoned\":1,\"shortAbandoned\":0,\"voicemails\":0,\"callbacks\":0,\"left\":0,"
            + "\"serviceLevelPercent\":50.0,\"asaSeconds\":3,\"longestWaitSeconds\":7,\"offeredLast15\":2,\"offeredLast60\":2,"
            + "\"serviceLevelLast15Percent\":50.0,\"serviceLevelLast60Percent\":50.0},"
            + "{\"groupId\":8,\"group\":\"Quiet\",\"targetSeconds\":30,\"targetPercent\":90,\"offered\":0,\"answered\":0,"
            + "\"answeredWithinTarget\":0,\"abandoned\":0,\"shortAbandoned\":0,\"voicemails\":0,\"callbacks\":0,\"left\":0,"
            + "\"longestWaitSeconds\":0,\"offeredLast15\":0,\"offeredLast60\":0}]}";

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2025-07-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final Hands clock = new Hands();
    private final List<TenantKey> asked = new ArrayList<>();

    private GroupFigures answering(Function<TenantKey, StatsAnswer> stats) {
        return new GroupFigures(tenant -> {
            asked.add(tenant);
            return stats.apply(tenant);
        }, clock);
    }

    @Test
    void readsEveryGroupsDayAndWhereItWasRead() {
        GroupFigures.Day day = answering(tenant -> StatsAnswer.of(200, Map.of(), ANSWER)).of(DEMO).orElseThrow();

        GroupFigures.Today sales = day.groups().get(7L);
        assertThat(sales.offered()).isEqualTo(2);
        assertThat(sales.abandoned()).isEqualTo(1);
        assertThat(sales.serviceLevelPercent()).isEqualTo(50.0);
        assertThat(sales.serviceLevelLast15Percent()).isEqualTo(50.0);
        assertThat(sales.longestWaitSeconds()).isEqualTo(7);
        assertThat(day.groups().get(8L).serviceLevelPercent()).as("no calls: no service level").isNull();
        assertThat(day.groups().get(8L).targetPercent()).isEqualTo(90);
        assertThat(day.readFrom()).isEqualTo(new GroupFigures.ReadFrom("REALTIME", 2));
    }

    @Test
    void asksStatsServiceAtMostOnceInTwoSecondsPerTenant() {
        GroupFigures figures = answering(tenant -> StatsAnswer.of(200, Map.of(), ANSWER));

        figures.of(DEMO);
        clock.advance(Duration.ofMillis(1900));
        figures.of(DEMO);
        assertThat(asked).hasSize(1);

        clock.advance(Duration.ofMillis(100));
        figures.of(DEMO);
        figures.of(new TenantKey("acme"));
        assertThat(asked).containsExactly(DEMO, DEMO, new TenantKey("acme"));
    }

    @Test
    void withoutStatsServiceTheFiguresAreUnavailableAndItIsNotAskedAgainAtOnce() {
        GroupFigures figures = answering(tenant -> {
            throw new StatsUnavailable("unreachable", null);
        });

        assertThat(figures.of(DEMO)).isEqualTo(Optional.empty());
        assertThat(figures.of(DEMO)).isEqualTo(Optional.empty());
        assertThat(asked).hasSize(1);
    }

    @Test
    void anErrorAnswerMakesTheFiguresUnavailable() {
        GroupFigures figures = answering(tenant -> StatsAnswer.of(503, Map.of("Retry-After", "30"), "{\"status\":503}"));

        assertThat(figures.of(DEMO)).isEmpty();
    }
}
