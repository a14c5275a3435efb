package io.verbund.acd.portal.callflow;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;
import java.util.List;

/** 409: a call flow that service numbers still lead into cannot be removed. */
public class CallFlowInUse extends Conflict {

    public CallFlowInUse(String flow, List<String> numbers, TenantKey tenant) {
        super("call-flow-in-use", "Call flow in use", "Call flow '" + flow + "' is in use by service numbers "
                + String.join(", ", numbers) + ": point them elsewhere first", tenant, null);
    }
}
