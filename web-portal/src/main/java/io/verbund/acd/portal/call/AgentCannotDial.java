package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the agent cannot place an outbound call now (not ready, or the tenant has no caller ID to present). */
public class AgentCannotDial extends Conflict {

    /** @param why the PortalWords key saying why; its {0} is the agent, {1} the agent's state */
    public AgentCannotDial(String extension, String why, String state, TenantKey tenant) {
        super("agent-cannot-dial", "Agent cannot place a call", PortalWords.text(why, ClientText.echo(extension, 40), state), tenant, null);
    }
}
