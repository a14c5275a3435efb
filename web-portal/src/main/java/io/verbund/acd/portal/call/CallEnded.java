package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the call to hang up has already ended. */
public class CallEnded extends Conflict {

    public CallEnded(String callId, TenantKey tenant) {
        super("call-ended", "Call already ended", "Call '" + ClientText.echo(callId, 80) + "' has already ended", tenant, null);
    }
}
