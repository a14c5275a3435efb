package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;

/** 422: the request is well-formed JSON but names something the tenant's configuration does not allow. */
public abstract class Unprocessable extends ApiProblem {

    protected Unprocessable(String slug, String title, String detail, TenantKey tenant) {
        super(slug, title, detail, tenant);
    }
}
