package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the call is on hold (to hold it again or transfer it) or is not (to resume it). */
public class CallOnHold extends Conflict {

    private CallOnHold(String type, String title, String detail, TenantKey tenant) {
        super(type, title, detail, tenant, null);
    }

    /** The caller already hears music on hold; {@code what} is what cannot be done then. */
    public static CallOnHold already(String callId, String what, TenantKey tenant) {
        return new CallOnHold("call-on-hold", "Call on hold", "Call '" + ClientText.echo(callId, 80) + "' is on hold: " + what, tenant);
    }

    public static CallOnHold not(String callId, TenantKey tenant) {
        return new CallOnHold("call-not-on-hold", "Call not on hold",
                "Call '" + ClientText.echo(callId, 80) + "' is not on hold: there is nothing to resume", tenant);
    }
}
