package io.verbund.acd.storage.quota;

import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.tenant.TenantKey;

/**
 * One tenant's storage limit against what it uses. A write is admitted when the tenant's usage
 * after it stays within the limit; a replaced file's old size is freed by the same write.
 *
 * @param limitBytes the most the tenant may keep
 * @param usageBytes what it keeps now
 */
public record Quota(TenantKey tenant, long limitBytes, long usageBytes) {

    /** How many bytes more fit, never negative. */
    public long remaining() {
        return Math.max(0, limitBytes - usageBytes);
    }

    /**
     * @param addedBytes   the new file's size (or the append's length)
     * @param freedBytes   the size of a file the write replaces
     * @throws StorageProblem 507 naming usage, requested size and limit when it does not fit
     */
    public void admit(long addedBytes, long freedBytes) {
        if (addedBytes - freedBytes > remaining()) {
            throw StorageProblem.quotaExceeded(tenant, usageBytes, addedBytes, limitBytes);
        }
    }

    /** The most bytes one body may have, given the space a replaced file frees. */
    public long maxBody(long freedBytes) {
        return remaining() + freedBytes;
    }
}
