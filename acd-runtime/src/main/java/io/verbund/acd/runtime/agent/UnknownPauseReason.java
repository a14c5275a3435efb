package io.verbund.acd.runtime.agent;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.Unprocessable;
import io.verbund.acd.tenant.TenantKey;

/**
 * A pause reason the tenant does not offer: no such code, disabled, or entered by the system only
 * (like {@code NO_ANSWER}).
 */
public class UnknownPauseReason extends Unprocessable {

    public UnknownPauseReason(TenantKey tenant, String code) {
        super("unknown-pause-reason", "Unknown pause reason",
                "'" + ClientText.echo(code, 32) + "' is not a pause reason agents of tenant " + tenant + " can choose", tenant);
    }
}
