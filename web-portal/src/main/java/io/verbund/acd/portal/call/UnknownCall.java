package io.verbund.acd.portal.call;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.tenant.TenantKey;

/**
 * 404: no such call in the tenant, or not one the caller may see. Just after a call starts its
 * record may still be on its way to the database (records are written in batches): try again.
 */
public class UnknownCall extends NotFound {

    public UnknownCall(String callId, TenantKey tenant) {
        super("unknown-call", "Unknown call", PortalWords.text("call.unknown", ClientText.echo(callId, 80), tenant), tenant);
    }
}
