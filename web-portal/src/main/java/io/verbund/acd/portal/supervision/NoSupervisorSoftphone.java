package io.verbund.acd.portal.supervision;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.tenant.TenantKey;

/** 404: the supervisor has no phone account its browser could register as. */
public class NoSupervisorSoftphone extends NotFound {

    public NoSupervisorSoftphone(String login, TenantKey tenant) {
        super("no-supervisor-phone", "No supervisor phone", PortalWords.text("supervision.no-phone", login), tenant);
    }
}
