package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
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

    /** @param step COMPLETE, SWAP or RETURN */
    public static NoConsultation none(String callId, String step, TenantKey tenant) {
        return new NoConsultation("no-consultation", "No consultation", PortalWords.text("call.no-consultation." + step, ClientText.echo(callId, 80)), tenant);
    }

    public static NoConsultation already(String callId, TenantKey tenant) {
        return new NoConsultation("consultation-going-on", "Consultation going on",
                PortalWords.text("call.consultation-going-on", ClientText.echo(callId, 80)), tenant);
    }

    public static NoConsultation inConference(String callId, TenantKey tenant) {
        return new NoConsultation("conference-going-on", "Conference going on",
                PortalWords.text("call.conference-going-on", ClientText.echo(callId, 80)), tenant);
    }
}
