package io.verbund.acd.storage.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.tenant.TenantKey;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private static final TenantKey DEMO = new TenantKey("demo");

    @Test
    void admitsUpToTheLimitExactly() {
        Quota quota = new Quota(DEMO, 1000, 600);
        quota.admit(400, 0);
        assertThat(quota.remaining()).isEqualTo(400);
        assertThat(quota.maxBody(0)).isEqualTo(400);
    }

    @Test
    void oneByteMoreIsRefusedNamingUsageAndLimit() {
        Quota quota = new Quota(DEMO, 1000, 600);
        assertThatThrownBy(() -> quota.admit(401, 0)).isInstanceOfSatisfying(StorageProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(507);
            assertThat(problem.members()).containsEntry("usageBytes", 600L).containsEntry("limitBytes", 1000L).containsEntry("requestedBytes", 401L);
            assertThat(problem.detail()).contains("600", "1000", "401");
        });
    }

    @Test
    void aReplacedFileFreesItsSize() {
        Quota quota = new Quota(DEMO, 1000, 1000);
        quota.admit(300, 300);
        assertThat(quota.maxBody(300)).isEqualTo(300);
        assertThatThrownBy(() -> quota.admit(301, 300)).isInstanceOf(StorageProblem.class);
    }

    @Test
    void aTenantOverItsLimitHasNothingLeft() {
        Quota quota = new Quota(DEMO, 1000, 1500);
        assertThat(quota.remaining()).isZero();
        assertThatThrownBy(() -> quota.admit(1, 0)).isInstanceOf(StorageProblem.class);
    }

    @Test
    void sizesReadAsConfigured() {
        assertThat(ByteSize.parse("1048576")).isEqualTo(1_048_576);
        assertThat(ByteSize.parse("500MiB")).isEqualTo(500L * 1024 * 1024);
        assertThat(ByteSize.parse("10GiB")).isEqualTo(10L * 1024 * 1024 * 1024);
        assertThat(ByteSize.parse("10G")).isEqualTo(10L * 1024 * 1024 * 1024);
        assertThat(ByteSize.parse("2 GB")).isEqualTo(2_000_000_000L);
        assertThat(ByteSize.parse("64kB")).isEqualTo(64_000);
        assertThatThrownBy(() -> ByteSize.parse("ten gigs")).hasMessageContaining("'ten gigs' is no size");
    }
}
