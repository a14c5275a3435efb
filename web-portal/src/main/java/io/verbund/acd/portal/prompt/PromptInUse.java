package io.verbund.acd.portal.prompt;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;
import java.util.List;

/** 409: a prompt that the current version of a call flow plays cannot be removed. */
public class PromptInUse extends Conflict {

    public PromptInUse(PromptName name, List<String> flows, TenantKey tenant) {
        super("prompt-in-use", "Prompt in use", "Prompt '" + name + "' is played by the current version of call flow"
                + (flows.size() == 1 ? " " : "s ") + String.join(", ", flows) + ": change those flows first", tenant, null);
    }
}
