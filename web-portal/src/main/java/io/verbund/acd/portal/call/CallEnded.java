package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the call to hang up has already ended. */
public class CallEnded extends Conflict {

    public CallEnded(String callId, TenantKey tenant) {
        super("call-ended", "Call already ended", PortalWords.text("call.ended", ClientText.echo(callId, 80)), tenant, null);
    }
}
