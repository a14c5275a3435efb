package io.verbund.acd.portal.agent;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.agent.WrapUpExtensionRefused;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.runtime.agent.AgentLogContext;
import io.verbund.acd.runtime.agent.AgentStateChange;
import io.verbund.acd.runtime.agent.AgentStateConflict;
import io.verbund.acd.runtime.agent.ConfiguredAgent;
import io.verbund.acd.runtime.agent.InfinispanAgentStates;
import io.verbund.acd.runtime.agent.JdbcAgentDirectory;
import io.verbund.acd.runtime.agent.JdbcAgentEvents;
import io.verbund.acd.runtime.agent.JdbcPauseReasons;
import io.verbund.acd.runtime.agent.UnknownAgent;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.UnknownTenant;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reading and moving agents for API callers: finds the agent in the addressed tenant, checks the
 * caller may address it, validates the pause reason, applies the change by compare-and-set and
 * records it in the agent's history. Log lines carry the tenant and agent in the MDC.
 */
@ApplicationScoped
public class AgentStateService {

    private static final Logger LOG = Logger.getLogger(AgentStateService.class.getName());

    private final InfinispanAgentStates states;
    private final JdbcAgentDirectory directory;
    private final JdbcPauseReasons pauseReasons;
    private final JdbcAgentEvents events;
    private final Supervision supervision;
    private final WrapUps wrapUps;
    private final BodyValidation validation;
    private final Clock clock;

    @Inject
    public AgentStateService(InfinispanAgentStates states, JdbcAgentDirectory directory, JdbcPauseReasons pauseReasons,
                             JdbcAgentEvents events, Supervision supervision, WrapUps wrapUps, BodyValidation validation,
                             Clock clock) {
        this.states = states;
        this.directory = directory;
        this.pauseReasons = pauseReasons;
        this.events = events;
        this.supervision = supervision;
        this.wrapUps = wrapUps;
        this.validation = validation;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected AgentStateService() {
        this.states = null;
        this.directory = null;
        this.pauseReasons = null;
        this.events = null;
        this.supervision = null;
        this.wrapUps = null;
        this.validation = null;
        this.clock = null;
    }

    /** The agent events' journal drains what an earlier run left, without waiting for the first change. */
    void openEventJournal(@Observes Startup startup) {
        events.start();
    }

    public AgentStatus stateOf(Caller caller, Optional<String> tenant, String extension) {
        AgentAccess access = new AgentAccess(caller, supervision);
        AgentKey key = addressedKey(access, tenant, extension);
        try (AgentLogContext log = AgentLogContext.of(key)) {
            ConfiguredAgent agent = permittedAgent(access, key);
            return states.current(agent.key());
        }
    }

    /** The addressed tenant and the states of those of its agents the caller may address. */
    public TenantStates statesOf(Caller caller, Optional<String> tenant) {
        AgentAccess access = new AgentAccess(caller, supervision);
        TenantKey addressed = access.addressedTenant(tenant);
        try (AgentLogContext log = AgentLogContext.of(addressed)) {
            if (!addressed.equals(caller.tenant()) && !directory.hasTenant(addressed)) {
                throw new UnknownTenant(addressed.value());
            }
            List<AgentStatus> visible = directory.agentsOf(addressed).stream()
                    .filter(access::mayAddress)
                    .map(agent -> states.current(agent.key()))
                    .toList();
            return new TenantStates(addressed, visible);
        }
    }

    public AgentStatus change(Caller caller, Optional<String> tenant, String extension, RequestedState requested) {
        AgentAccess access = new AgentAccess(caller, supervision);
        AgentKey key = addressedKey(access, tenant, extension);
        try (AgentLogContext log = AgentLogContext.of(key)) {
            ConfiguredAgent agent = permittedAgent(access, key);
            if (requested.state() == AgentState.PAUSED) {
                pauseReasons.requireChoosable(agent.key().tenant(), requested.reason().orElseThrow());
            }
            if (requested.forced()) {
                requireMayForce(caller, agent);
            } else if (requested.state() == AgentState.READY) {
                wrapUps.requireMayLeave(states.current(agent.key()));
            }
            AgentStateChange change;
            try {
                change = states.apply(agent.key(), requested);
            } catch (IllegalAgentTransition refused) {
                throw AgentStateConflict.of(agent.key(), refused);
            }
            if (change.changed()) {
                AgentStatus now = change.current();
                AgentStatus before = change.previous();
                LOG.info(() -> "agent " + agent.key() + " went " + now.state() + now.reason().map(r -> " (" + r + ")").orElse("")
                        + " from " + before.state() + before.callId().map(call -> " on call " + call).orElse("")
                        + (requested.forced() ? ", forced by " : ", asked by ") + caller.login());
                if (requested.forced()) {
                    events.record(agent.key(), now, "FORCED", Optional.of(caller.login()));
                } else {
                    events.record(agent, now);
                }
            }
            return change.current();
        }
    }

    /**
     * The agent takes more wrap-up time: itself, its supervisors or an admin (as for its state).
     * Recorded in its history with the seconds added and, when someone else asked, who. The body is
     * judged only once the caller may address the agent, so another tenant's agent is a 404 whatever
     * the body says.
     *
     * @throws io.verbund.acd.runtime.problem.InvalidFields naming {@code seconds}
     * @throws WrapUpNotExtended when the agent is not in wrap-up or its group's allowance does not have that much left
     */
    public AgentStatus extendWrapUp(Caller caller, Optional<String> tenant, String extension, WrapUpExtensionRequest request) {
        AgentAccess access = new AgentAccess(caller, supervision);
        AgentKey key = addressedKey(access, tenant, extension);
        try (AgentLogContext log = AgentLogContext.of(key)) {
            ConfiguredAgent agent = permittedAgent(access, key);
            Duration by = Duration.ofSeconds(validation.check(request, key.tenant()).seconds());
            AgentStateChange change;
            try {
                change = states.apply(agent.key(), (current, now) -> current.extendWrapUp(by, now));
            } catch (WrapUpExtensionRefused refused) {
                throw new WrapUpNotExtended(agent.key(), refused);
            }
            AgentStatus extended = change.current();
            boolean byItself = caller.agent().filter(agent.key()::equals).isPresent();
            LOG.info(() -> "agent " + agent.key() + " extended its wrap-up of " + extended.callId().orElse("?") + " by "
                    + by.toSeconds() + " s to " + extended.wrapUpPeriod().ends() + ", " + extended.wrapUpPeriod().extensionLeft().toSeconds()
                    + " s left" + (byItself ? "" : ", asked by " + caller.login()));
            events.recordWrapUpExtended(agent, extended, by, clock.instant(), byItself ? Optional.empty() : Optional.of(caller.login()));
            return extended;
        }
    }

    /**
     * Forcing a state is for the people who steer agents: a supervisor of the agent's groups (its
     * scope was checked with the address) or an admin; an agent may not force its own state, even
     * one who supervises others.
     */
    private static void requireMayForce(Caller caller, ConfiguredAgent agent) {
        boolean admin = caller.has(Role.TENANT_ADMIN) || caller.has(Role.SYSTEM_ADMIN);
        boolean ownAgent = caller.agent().filter(agent.key()::equals).isPresent();
        if (!admin && (!caller.has(Role.SUPERVISOR) || ownAgent)) {
            throw new NotPermitted(PortalWords.text("denied.agent-force", caller.login(), agent.key().extension()), agent.key().tenant());
        }
    }

    private static AgentKey addressedKey(AgentAccess access, Optional<String> tenant, String extension) {
        TenantKey addressed = access.addressedTenant(tenant);
        try {
            return new AgentKey(addressed, extension);
        } catch (IllegalArgumentException e) {
            throw new UnknownAgent(addressed, extension);
        }
    }

    private ConfiguredAgent permittedAgent(AgentAccess access, AgentKey key) {
        ConfiguredAgent agent = directory.find(key).orElseThrow(() -> new UnknownAgent(key.tenant(), key.extension()));
        access.requireMayAddress(agent);
        return agent;
    }

    /** The states of one tenant's agents, by extension. */
    public record TenantStates(TenantKey tenant, List<AgentStatus> agents) {
    }
}
