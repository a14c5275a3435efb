package io.verbund.acd.telephony.directory;

import io.verbund.acd.call.TransferNumbers;
import java.util.Optional;

/**
 * A tenant's settings for outbound calls: the caller ID presented in From (empty: the tenant
 * places no outbound calls) and the external numbers it may dial, the same list its transfers may
 * reach, so one list guards the trunk against toll fraud. Its locale (BCP 47, {@code de-DE}; null
 * for none) chooses the ring tone its agents hear while a number rings.
 */
public record OutboundSettings(long tenantId, Optional<String> callerId, TransferNumbers allowed, String locale) {
}
