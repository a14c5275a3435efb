package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/**
 * 409: an agent that is not logged out cannot be removed or disabled. Its live state would stay in
 * the cluster's cache, out of reach of the state API (which only finds enabled agents), and an
 * agent created or enabled later under the extension would start READY instead of logged out.
 */
public class AgentLoggedIn extends Conflict {

    AgentLoggedIn(String extension, AgentState state, String change, TenantKey tenant) {
        super("agent-logged-in", "Agent is logged in", "Agent " + extension + " is " + state + " and can only be " + change
                + " once it is LOGGED_OUT: log it out first (PUT /api/v1/agents/" + extension + "/state with {\"state\":\"LOGGED_OUT\"})",
                tenant, null);
    }
}
