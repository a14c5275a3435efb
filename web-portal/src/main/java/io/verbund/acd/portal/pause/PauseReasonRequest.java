package io.verbund.acd.portal.pause;

import io.verbund.acd.portal.api.StableCode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A pause reason as a client sends it, to create one or replace one whole:
 * {@code {"code":"LUNCH","label":"Lunch","paid":false,"maxSeconds":1800,"enabled":true}}. There is
 * no {@code setBySystem}: only the system makes such reasons.
 *
 * @param code       the stable key ({@link StableCode}); on replace it must be the stored one
 * @param paid       counts as working time in agent reports; left out: true
 * @param maxSeconds supervisors are alerted after this long; null: no limit
 * @param enabled    offered to agents; left out: true
 * @param version    the version the change was made from; required when replacing, ignored on create
 */
public record PauseReasonRequest(
        @NotBlank @Size(max = StableCode.MAX_LENGTH) @Pattern(regexp = StableCode.PATTERN, message = StableCode.RULE) String code,
        @NotBlank @Size(max = 100) String label,
        Boolean paid,
        @Min(1) Integer maxSeconds,
        Boolean enabled,
        Integer version) {
}
