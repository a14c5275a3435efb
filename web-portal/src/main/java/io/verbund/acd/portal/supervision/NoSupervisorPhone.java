package io.verbund.acd.portal.supervision;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the supervisor has no phone the node could call into the call. */
public class NoSupervisorPhone extends Conflict {

    public NoSupervisorPhone(String login, TenantKey tenant) {
        super("no-supervisor-phone", "No supervisor phone", "User " + login
                + " has no supervisor phone to listen in on; a tenant admin gives it one (supervisor_phone)", tenant, null);
    }
}
