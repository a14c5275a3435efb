package io.verbund.acd.portal.report;

import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.group.GroupRoster;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The current request's {@link ReportAccess}: its caller, the tenant it addresses, and the groups it supervises. */
@ApplicationScoped
public class ReportAccesses {

    private final TenantAddressing addressing;
    private final GroupRoster roster;
    private final CallerContext callers;

    @Inject
    public ReportAccesses(TenantAddressing addressing, GroupRoster roster, CallerContext callers) {
        this.addressing = addressing;
        this.roster = roster;
        this.callers = callers;
    }

    /** For CDI's proxy only. */
    protected ReportAccesses() {
        this(null, null, null);
    }

    /** @param tenant the {@code ?tenant=} a system admin or reseller names; null for the caller's own */
    public ReportAccess of(String tenant) {
        Caller caller = callers.caller();
        return new ReportAccess(caller, addressing.resolve(caller, tenant), roster::supervisedBy);
    }
}
