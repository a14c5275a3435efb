package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;

/** 409: the request is well-formed but the current state of the thing does not allow it now. */
public abstract class Conflict extends ApiProblem {

    protected Conflict(String slug, String title, String detail, TenantKey tenant, Throwable cause) {
        super(slug, title, detail, tenant, cause);
    }
}
