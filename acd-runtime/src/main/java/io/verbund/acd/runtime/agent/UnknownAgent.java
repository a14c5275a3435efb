package io.verbund.acd.runtime.agent;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.tenant.TenantKey;

/**
 * No enabled agent with this extension in the addressed tenant. An agent of another tenant gives
 * exactly this answer, since the addressed tenant is the caller's own unless a system
 * administrator names one.
 */
public class UnknownAgent extends NotFound {

    public UnknownAgent(TenantKey tenant, String extension) {
        super("unknown-agent", "Unknown agent",
                "There is no agent with extension '" + ClientText.echo(extension, 32) + "' in tenant " + tenant, tenant);
    }
}
