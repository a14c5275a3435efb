package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the call is on hold (to hold it again or transfer it) or is not (to resume it). */
public class CallOnHold extends Conflict {

    private CallOnHold(String type, String title, String detail, TenantKey tenant) {
        super(type, title, detail, tenant, null);
    }

    /** The caller already hears music on hold; {@code asked} is what cannot be done then: "transfer" or "hold". */
    public static CallOnHold already(String callId, String asked, TenantKey tenant) {
        return new CallOnHold("call-on-hold", "Call on hold", PortalWords.text("call.on-hold." + asked, ClientText.echo(callId, 80)), tenant);
    }

    public static CallOnHold not(String callId, TenantKey tenant) {
        return new CallOnHold("call-not-on-hold", "Call not on hold",
                PortalWords.text("call.not-on-hold", ClientText.echo(callId, 80)), tenant);
    }
}
