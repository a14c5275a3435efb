package io.verbund.acd.portal.pause;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;
import java.util.Set;

/**
 * 409: a pause reason the system enters by itself ({@code set_by_system}) cannot be created,
 * changed or removed through the API. The routing engine pauses agents with these codes, and agent
 * reports count them; an admin-made copy would also let agents choose them.
 */
public class SystemPauseReason extends Conflict {

    /**
     * Codes the system uses whether or not the tenant has the row: {@code NO_ANSWER} is the reason
     * {@code io.verbund.acd.agent.AgentStatus#offerNotTaken} pauses an agent with.
     */
    static final Set<String> RESERVED_CODES = Set.of("NO_ANSWER");

    SystemPauseReason(String code, String attempted, TenantKey tenant) {
        super("system-pause-reason", "Pause reason of the system",
                "Pause reason " + code + " is entered by the system only and cannot be " + attempted + " through the API", tenant, null);
    }
}
