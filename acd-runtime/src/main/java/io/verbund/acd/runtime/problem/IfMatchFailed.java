package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;

/** 412: the request's {@code If-Match} names a version the thing no longer has. */
public class IfMatchFailed extends ApiProblem {

    public IfMatchFailed(String detail, TenantKey tenant) {
        super("precondition-failed", "Precondition failed", detail, tenant);
    }
}
