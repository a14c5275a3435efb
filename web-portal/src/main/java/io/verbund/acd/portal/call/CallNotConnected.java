package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the call to transfer is not (or no longer) talking to an agent. */
public class CallNotConnected extends Conflict {

    public CallNotConnected(String callId, String why, TenantKey tenant) {
        super("call-not-connected", "Call not connected", "Call '" + ClientText.echo(callId, 80) + "' " + why, tenant, null);
    }
}
