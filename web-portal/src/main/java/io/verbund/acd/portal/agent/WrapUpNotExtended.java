package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.WrapUpExtensionRefused;
import io.verbund.acd.runtime.problem.Conflict;

/**
 * 409: the core refused to extend the agent's wrap-up. The problem type says why, so a desktop can
 * tell "nothing to extend" from "no more time left": {@code not-in-wrap-up},
 * {@code wrap-up-extension-not-allowed} or {@code wrap-up-extension-used-up}.
 */
public class WrapUpNotExtended extends Conflict {

    WrapUpNotExtended(AgentKey agent, WrapUpExtensionRefused refused) {
        super(slug(refused.why()), title(refused.why()), detail(agent, refused), agent.tenant(), null);
    }

    private static String slug(WrapUpExtensionRefused.Why why) {
        return switch (why) {
            case NOT_IN_WRAP_UP -> "not-in-wrap-up";
            case NOT_ALLOWED -> "wrap-up-extension-not-allowed";
            case ALLOWANCE_USED_UP -> "wrap-up-extension-used-up";
        };
    }

    private static String title(WrapUpExtensionRefused.Why why) {
        return switch (why) {
            case NOT_IN_WRAP_UP -> "Not in wrap-up";
            case NOT_ALLOWED -> "Wrap-up extension not allowed";
            case ALLOWANCE_USED_UP -> "Wrap-up extension used up";
        };
    }

    private static String detail(AgentKey agent, WrapUpExtensionRefused refused) {
        return switch (refused.why()) {
            case NOT_IN_WRAP_UP -> "Agent " + agent.extension() + " is " + refused.state() + ": there is no wrap-up to extend";
            case NOT_ALLOWED -> "The group of agent " + agent.extension() + "'s call allows no wrap-up extension";
            case ALLOWANCE_USED_UP -> "Agent " + agent.extension() + " may extend its wrap-up by " + refused.left().toSeconds()
                    + " s more at most";
        };
    }
}
