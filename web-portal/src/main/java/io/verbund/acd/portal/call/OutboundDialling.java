package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.call.TransferNumbers;
import io.verbund.acd.portal.agent.AgentStateService;
import io.verbund.acd.portal.agent.Agents;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.portal.tenant.Tenants;
import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.OutboundCallAsked;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Places outbound calls asked for through the API: checks who may call for whom, the number
 * against the tenant's external numbers, the group and the agent's state, and hands the call to
 * whichever telephony node claims it ({@link CallCommands#placeCall}). The node checks the number
 * again where the INVITE leaves.
 */
@ApplicationScoped
public class OutboundDialling {

    private final CallCommands commands;
    private final Agents agents;
    private final AgentStateService states;
    private final Tenants tenants;
    private final Datasources datasources;

    @Inject
    public OutboundDialling(CallCommands commands, Agents agents, AgentStateService states, Tenants tenants, Datasources datasources) {
        this.commands = commands;
        this.agents = agents;
        this.states = states;
        this.tenants = tenants;
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected OutboundDialling() {
        this(null, null, null, null, null);
    }

    /** @return the new call's id; the call appears in {@code /calls/{id}} once its node recorded it, a moment later */
    public String place(Caller caller, AddressedTenant tenant, PlaceCallRequest request) {
        String extension = agentFor(caller, tenant, request);
        if (!agents.exists(tenant, extension)) {
            throw InvalidFields.of("agentId", PortalWords.text("common.agent-unknown", extension), tenant.key());
        }
        TransferNumbers allowed = tenants.transferNumbers(tenant.idValue());
        if (!allowed.allows(request.number())) {
            throw InvalidFields.of("number", PortalWords.text("call.number-not-allowed", request.number(), allowed), tenant.key());
        }
        Optional<Long> group = groupOf(tenant, extension, request.group());
        if (tenants.outboundCallerId(tenant.idValue()).isEmpty()) {
            throw new AgentCannotDial(extension, "call.dial.no-caller-id", null, tenant.key());
        }
        AgentStatus status = states.stateOf(caller, Optional.of(tenant.key().value()), extension);
        if (status.state() != AgentState.READY) {
            throw new AgentCannotDial(extension, "call.dial.not-ready", status.state().name(), tenant.key());
        }
        String callId = "out-" + UUID.randomUUID();
        String by = caller.agent().filter(self -> self.extension().equals(extension)).isPresent()
                ? "agent:" + extension : "api:" + caller.login();
        commands.placeCall(new OutboundCallAsked(callId, new AgentKey(tenant.key(), extension), request.number(), group, by));
        return callId;
    }

    /** An agent calls as itself; anyone else who may control calls names the agent. */
    private static String agentFor(Caller caller, AddressedTenant tenant, PlaceCallRequest request) {
        boolean controlsCalls = ConfigAccess.isAdmin(caller, tenant) || caller.has(Role.SUPERVISOR);
        Optional<String> self = caller.agent().filter(agent -> agent.tenant().equals(tenant.key())).map(AgentKey::extension);
        if (request.agentId() == null) {
            return self.orElseThrow(() -> InvalidFields.of("agentId", PortalWords.text("call.agent-needed"), tenant.key()));
        }
        if (!controlsCalls && !self.filter(request.agentId()::equals).isPresent()) {
            throw new NotPermitted(PortalWords.text("denied.dial-for-another", caller.login(), request.agentId()), tenant.key());
        }
        return request.agentId();
    }

    /** The named group, which the agent must be a member of; without a name the agent's oldest group, if any. */
    private Optional<Long> groupOf(AddressedTenant tenant, String extension, String name) {
        String sql = "SELECT g.id FROM acd_group g JOIN group_membership m ON m.group_id = g.id JOIN agent a ON a.id = m.agent_id"
                + " WHERE g.tenant_id = ? AND a.tenant_id = ? AND a.extension = ?" + (name == null ? "" : " AND g.name = ?")
                + " ORDER BY g.id LIMIT 1";
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, tenant.idValue());
            query.setLong(2, tenant.idValue());
            query.setString(3, extension);
            if (name != null) {
                query.setString(4, name);
            }
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return Optional.of(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the agent's groups", e);
        }
        if (name != null) {
            throw InvalidFields.of("group", PortalWords.text("call.group-not-member", extension, name), tenant.key());
        }
        return Optional.empty();
    }
}
