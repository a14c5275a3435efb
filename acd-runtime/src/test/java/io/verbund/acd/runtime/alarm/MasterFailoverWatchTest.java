package io.verbund.acd.runtime.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MasterFailoverWatchTest {

    private final MasterFailoverWatch watch = new MasterFailoverWatch(null, Optional.of(1L), Clock.systemUTC());

    @Test
    void noAlarmWhileWritesGoToThePrimary() {
        watch.observe(1);

        assertThat(watch.current()).isEmpty();
    }

    @Test
    void writesOnAnotherServerRaiseTheAlarmOnceAndItHoldsUntilTheyAreBack() {
        watch.observe(2);
        Alarm raised = watch.current().orElseThrow();
        watch.observe(2);

        assertThat(raised.code()).isEqualTo("DB_MASTER_FAILED_OVER");
        assertThat(raised.details().getInt("activeServerId")).isEqualTo(2);
        assertThat(raised.message()).contains("no automatic failback").contains("./verbund failback");
        assertThat(watch.current()).contains(raised);

        watch.observe(1);

        assertThat(watch.current()).isEmpty();
    }
}
