package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/**
 * 409: the call has no consultation to swap, complete or return from — or already has one, to start
 * another; or a third party is in it (a conference), which rules out hold, transfer and consulting.
 */
public class NoConsultation extends Conflict {

    private NoConsultation(String type, String title, String detail, TenantKey tenant) {
        super(type, title, detail, tenant, null);
    }

    public static NoConsultation none(String callId, String step, TenantKey tenant) {
        return new NoConsultation("no-consultation", "No consultation",
                "Call '" + ClientText.echo(callId, 80) + "' has no answered consultation to " + step, tenant);
    }

    public static NoConsultation already(String callId, TenantKey tenant) {
        return new NoConsultation("consultation-going-on", "Consultation going on",
                "Call '" + ClientText.echo(callId, 80) + "' has a consultation already: complete it or return to the caller first", tenant);
    }

    public static NoConsultation inConference(String callId, TenantKey tenant) {
        return new NoConsultation("conference-going-on", "Conference going on",
                "Call '" + ClientText.echo(callId, 80) + "' has a third party in it: it leaves, or the agent leaves it to the other two, first",
                tenant);
    }
}
