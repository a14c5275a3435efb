package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.tenant.TenantKey;

/** 404: no such item of the tenant's configuration; another tenant's item is answered exactly so. */
public class UnknownItem extends NotFound {

    public UnknownItem(String kind, Object id, TenantKey tenant) {
        super("unknown-" + kind.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), "Unknown " + kind,
                "There is no " + kind + " '" + ClientText.echo(String.valueOf(id), 60) + "' in tenant " + tenant, tenant);
    }
}
