package io.verbund.acd.portal.agent;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.agent.AgentId;
import io.verbund.acd.runtime.agent.ConfiguredAgent;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.UnknownTenant;
import io.verbund.acd.tenant.TenantKey;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which agents one caller may read and move, decided on the server for every request:
 * <ul>
 * <li>an AGENT its own extension only;</li>
 * <li>a SUPERVISOR the members of its groups ({@link Supervision});</li>
 * <li>a TENANT_ADMIN every agent of its tenant;</li>
 * <li>a SYSTEM_ADMIN every agent of the tenant it names with {@code ?tenant=}, else of its own.</li>
 * </ul>
 * Nobody else reaches another tenant: naming one is answered like a tenant that does not exist,
 * and since agents are looked up in the addressed tenant only, another tenant's extension is
 * answered like a missing one (404). A caller whose roles do not cover an agent of its own tenant
 * gets 403. One instance serves one request; it asks {@link Supervision} at most once.
 */
public final class AgentAccess {

    private final Caller caller;
    private final Supervision supervision;
    private Set<AgentId> supervised;

    public AgentAccess(Caller caller, Supervision supervision) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.supervision = Objects.requireNonNull(supervision, "supervision");
    }

    /**
     * The tenant a request addresses: the caller's own, or for a system administrator the one it names.
     *
     * @throws UnknownTenant when someone else names another tenant, or the name is no tenant key
     */
    public TenantKey addressedTenant(Optional<String> named) {
        Optional<String> requested = named.map(String::strip).filter(name -> !name.isEmpty());
        if (requested.isEmpty() || requested.get().equals(caller.tenant().value())) {
            return caller.tenant();
        }
        if (!caller.has(Role.SYSTEM_ADMIN)) {
            throw new UnknownTenant(requested.get());
        }
        try {
            return new TenantKey(requested.get());
        } catch (IllegalArgumentException e) {
            throw new UnknownTenant(requested.get());
        }
    }

    /**
     * The caller's own agent key for {@code extension}: for what only the agent itself may do (ask
     * for help, fetch its phone's account), never a supervisor or admin in its name.
     *
     * @throws io.verbund.acd.runtime.agent.UnknownAgent when the extension is no agent key
     * @throws NotPermitted unless the caller works as this agent
     */
    public static io.verbund.acd.agent.AgentKey requireSelf(Caller caller, String extension, String what) {
        io.verbund.acd.agent.AgentKey key;
        try {
            key = new io.verbund.acd.agent.AgentKey(caller.tenant(), extension);
        } catch (IllegalArgumentException e) {
            throw new io.verbund.acd.runtime.agent.UnknownAgent(caller.tenant(), extension);
        }
        if (caller.agent().filter(key::equals).isEmpty()) {
            throw new NotPermitted(PortalWords.text("denied.agent-self", extension, what), caller.tenant());
        }
        return key;
    }

    public boolean mayAddress(ConfiguredAgent agent) {
        if (caller.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        if (!agent.key().tenant().equals(caller.tenant())) {
            return false;
        }
        if (caller.has(Role.TENANT_ADMIN)) {
            return true;
        }
        if (caller.agent().filter(agent.key()::equals).isPresent() && caller.has(Role.AGENT)) {
            return true;
        }
        return caller.has(Role.SUPERVISOR) && supervised().contains(agent.id());
    }

    /** @throws NotPermitted unless {@link #mayAddress} */
    public void requireMayAddress(ConfiguredAgent agent) {
        if (!mayAddress(agent)) {
            throw new NotPermitted(PortalWords.text("denied.agent", caller.login(), agent.key().extension()), agent.key().tenant());
        }
    }

    private Set<AgentId> supervised() {
        if (supervised == null) {
            supervised = Set.copyOf(supervision.agentsSupervisedBy(caller));
        }
        return supervised;
    }
}
