package io.verbund.acd.portal.prompt;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.tenant.TenantKey;

/** 404: the tenant has uploaded no prompt of that name (system prompts are not served as files). */
public class UnknownPrompt extends NotFound {

    public UnknownPrompt(String name, TenantKey tenant) {
        super("unknown-prompt", "Unknown prompt", "Tenant " + tenant + " has no uploaded prompt '" + ClientText.echo(name, 80) + "'", tenant);
    }
}
