package io.verbund.acd.runtime.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.tenant.TenantKey;
import org.jboss.logging.MDC;

/**
 * Puts {@code tenant} and {@code agent} (the extension) into the logging MDC for the work of one
 * request or event, so every log line of it names them (the JSON server log carries the MDC).
 * Use in try-with-resources: closing restores what was there before, also when the work fails.
 * {@code org.jboss.logging.MDC} is the MDC of WildFly's log manager, which WildFly adds to every
 * deployment.
 */
public final class AgentLogContext implements AutoCloseable {

    public static final String TENANT = "tenant";
    public static final String AGENT = "agent";

    private final Object previousTenant;
    private final Object previousAgent;

    private AgentLogContext(TenantKey tenant, String agent) {
        this.previousTenant = MDC.put(TENANT, tenant.value());
        this.previousAgent = agent == null ? MDC.get(AGENT) : MDC.put(AGENT, agent);
    }

    public static AgentLogContext of(AgentKey agent) {
        return new AgentLogContext(agent.tenant(), agent.extension());
    }

    /** For work on a whole tenant's agents: the tenant only. */
    public static AgentLogContext of(TenantKey tenant) {
        return new AgentLogContext(tenant, null);
    }

    @Override
    public void close() {
        restore(TENANT, previousTenant);
        restore(AGENT, previousAgent);
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
