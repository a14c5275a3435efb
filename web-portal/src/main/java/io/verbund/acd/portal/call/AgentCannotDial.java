package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/** 409: the agent cannot place an outbound call now (not ready, or the tenant has no caller ID to present). */
public class AgentCannotDial extends Conflict {

    public AgentCannotDial(String extension, String why, TenantKey tenant) {
        super("agent-cannot-dial", "Agent cannot place a call", "Agent '" + ClientText.echo(extension, 40) + "' " + why, tenant, null);
    }
}
