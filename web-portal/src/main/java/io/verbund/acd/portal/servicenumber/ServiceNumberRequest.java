package io.verbund.acd.portal.servicenumber;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A service number as a client sends it. The number itself cannot change (a call record names it);
 * a number out of service has no call flow.
 *
 * @param callFlow the name of the tenant's call flow, or null
 * @param answerOnQueue the node answers the caller (200) when the flow first plays it audio, instead
 *                      of early media (183); null: false
 * @param version  the version the change was made from; required when replacing, ignored on create
 */
public record ServiceNumberRequest(
        @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "{verbund.e164}") String number,
        @Size(max = 200) String label,
        @Size(max = 100) String callFlow,
        Boolean answerOnQueue,
        Integer version) {
}
