package io.verbund.acd.portal.supervision;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the supervisor has no phone the node could call into the call. */
public class NoSupervisorPhone extends Conflict {

    public NoSupervisorPhone(String login, TenantKey tenant) {
        super("no-supervisor-phone", "No supervisor phone", PortalWords.text("supervision.no-phone", login), tenant, null);
    }
}
