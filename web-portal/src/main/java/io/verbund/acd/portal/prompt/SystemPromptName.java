package io.verbund.acd.portal.prompt;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;

/**
 * 409: a tenant's prompt may not take a system prompt's name. The telephony server plays the
 * system prompt whenever a flow names it, so an upload under that name would never be heard.
 */
public class SystemPromptName extends Conflict {

    public SystemPromptName(PromptName name, TenantKey tenant) {
        super("system-prompt-name", "System prompt name", "'" + name + "' is a system prompt: calls would keep hearing the system's"
                + " recording, so upload yours under another name and use that name in the call flow", tenant, null);
    }
}
