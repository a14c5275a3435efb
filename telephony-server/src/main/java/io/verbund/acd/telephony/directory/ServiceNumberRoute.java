package io.verbund.acd.telephony.directory;

import io.verbund.acd.callflow.CallFlow;
import io.verbund.acd.tenant.TenantKey;

/**
 * A dialled service number: whose it is and the call flow version that answers it.
 *
 * @param language      the tenant's language (BCP 47, e.g. {@code de}), in which callers hear the system prompts
 * @param answerOnQueue the node answers the caller (200) when the flow first plays it audio, instead of early media (183)
 */
public record ServiceNumberRoute(String number, TenantKey tenant, long tenantId, Integer maxChannels, CallFlow flow, String language,
        boolean answerOnQueue) {
}
