package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the call to transfer is not (or no longer) talking to an agent. */
public class CallNotConnected extends Conflict {

    /** @param state what the call lacks: "agent" (not talking to an agent yet), "answer" (not answered yet), "supervised" (no agent to supervise) */
    public CallNotConnected(String callId, String state, TenantKey tenant) {
        super("call-not-connected", "Call not connected", PortalWords.text("call.not-connected." + state, ClientText.echo(callId, 80)), tenant, null);
    }
}
