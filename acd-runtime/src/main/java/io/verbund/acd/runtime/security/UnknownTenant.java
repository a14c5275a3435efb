package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.NotFound;

/** A tenant named in a request that does not exist, or that the caller may not name: both look alike. */
public class UnknownTenant extends NotFound {

    public UnknownTenant(String tenant) {
        super("unknown-tenant", "Unknown tenant", "There is no tenant '" + ClientText.echo(tenant, 40) + "'", null);
    }
}
