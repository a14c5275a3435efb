package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;

/** 403: the caller is known, and the thing exists in its tenant, but its roles do not allow this. */
public class NotPermitted extends ApiProblem {

    public NotPermitted(String detail, TenantKey tenant) {
        super("not-permitted", "Not permitted", detail, tenant);
    }
}
