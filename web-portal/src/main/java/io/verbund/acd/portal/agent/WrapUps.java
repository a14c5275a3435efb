package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.runtime.agent.AgentStateChange;
import io.verbund.acd.runtime.agent.ConfiguredAgent;
import io.verbund.acd.runtime.agent.InfinispanAgentStates;
import io.verbund.acd.runtime.agent.JdbcAgentDirectory;
import io.verbund.acd.runtime.agent.JdbcAgentEvents;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Wrap-up under a group's forced disposition: an agent in wrap-up cannot make itself ready before
 * the call has a disposition, and giving the disposition after the wrap-up time has passed ends
 * the wrap-up at once (the call path's own timer only ends wrap-ups whose call has one).
 */
@ApplicationScoped
public class WrapUps {

    private static final Logger LOG = Logger.getLogger(WrapUps.class.getName());
    private static final String CALL = "SELECT g.forced_disposition, r.disposition IS NOT NULL, a.extension"
            + " FROM call_record r JOIN tenant t ON t.id = r.tenant_id JOIN acd_group g ON g.id = r.group_id"
            + " LEFT JOIN agent a ON a.id = r.agent_id WHERE t.tenant_key = ? AND r.call_id = ?";

    /** What wrap-up needs to know of a call. */
    record CallWrapUp(boolean forced, boolean disposed, String agentExtension) {
    }

    /** 409: the group wants a disposition before the agent is offered the next call. */
    public static final class DispositionRequired extends Conflict {
        DispositionRequired(AgentKey agent, String callId) {
            super("disposition-required", "Disposition required", "Agent " + agent.extension() + " must give call " + callId
                    + " a disposition before getting ready: its group asks for one", agent.tenant(), null);
        }
    }

    private final Datasources datasources;
    private final InfinispanAgentStates states;
    private final JdbcAgentDirectory directory;
    private final JdbcAgentEvents events;

    @Inject
    public WrapUps(Datasources datasources, InfinispanAgentStates states, JdbcAgentDirectory directory, JdbcAgentEvents events) {
        this.datasources = datasources;
        this.states = states;
        this.directory = directory;
        this.events = events;
    }

    /** For CDI's proxy only. */
    protected WrapUps() {
        this(null, null, null, null);
    }

    /** @throws DispositionRequired when the agent wraps up a call its group wants disposed, and it is not yet */
    public void requireMayLeave(AgentStatus current) {
        if (current.state() != AgentState.WRAP_UP || current.callId().isEmpty()) {
            return;
        }
        String callId = current.callId().get();
        Optional<CallWrapUp> call = call(current.agent().tenant(), callId);
        if (call.isPresent() && call.get().forced() && !call.get().disposed()) {
            throw new DispositionRequired(current.agent(), callId);
        }
    }

    /**
     * After a disposition: ends the wrap-up of the agent who took the call, if its time is over
     * (extensions included: the end is in the agent's status).
     */
    public void disposed(TenantKey tenant, String callId) {
        Optional<CallWrapUp> call = call(tenant, callId);
        if (call.isEmpty() || call.get().agentExtension() == null) {
            return;
        }
        AgentKey agent = new AgentKey(tenant, call.get().agentExtension());
        AgentStateChange change = states.apply(agent, (current, now) -> current.state() == AgentState.WRAP_UP
                && current.callId().filter(callId::equals).isPresent() && current.wrapUpPeriod().isOver(now)
                ? current.goReady(now) : current);
        if (change.changed()) {
            LOG.info(() -> "agent " + agent + " ends its wrap-up of " + callId + " with the disposition given");
            Optional<ConfiguredAgent> configured = directory.find(agent);
            configured.ifPresent(found -> events.record(found, change.current()));
        }
    }

    private Optional<CallWrapUp> call(TenantKey tenant, String callId) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(CALL)) {
            query.setString(1, tenant.value());
            query.setString(2, callId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new CallWrapUp(row.getBoolean(1), row.getBoolean(2), row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading a call's wrap-up", e);
        }
    }
}
