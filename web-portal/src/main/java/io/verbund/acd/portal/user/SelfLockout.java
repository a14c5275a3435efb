package io.verbund.acd.portal.user;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: an admin may not remove, disable or demote itself: the tenant could be left without one. */
public class SelfLockout extends Conflict {

    public SelfLockout(String detail, TenantKey tenant) {
        super("self-lockout", "Would lock you out", detail, tenant, null);
    }
}
