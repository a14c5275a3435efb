package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;

/**
 * 404: the addressed thing does not exist for this caller. Something of another tenant is reported
 * exactly like something missing, so a client can never learn what other tenants have.
 */
public abstract class NotFound extends ApiProblem {

    protected NotFound(String slug, String title, String detail, TenantKey tenant) {
        super(slug, title, detail, tenant);
    }
}
