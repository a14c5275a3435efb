package io.verbund.acd.portal.disposition;

import io.verbund.acd.portal.api.StableCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A disposition as a client sends it, to create one or replace one whole:
 * {@code {"code":"SALE","label":"Sale closed","group":"Sales","enabled":true}}.
 *
 * @param code    the stable key ({@link StableCode}); on replace it must be the stored one
 * @param group   the name of the ACD group it is offered for; null: every group of the tenant
 * @param enabled offered to agents; left out: true
 * @param version the version the change was made from; required when replacing, ignored on create
 */
public record DispositionRequest(
        @NotBlank @Size(max = StableCode.MAX_LENGTH) @Pattern(regexp = StableCode.PATTERN, message = StableCode.RULE) String code,
        @NotBlank @Size(max = 100) String label,
        @Size(min = 1, max = 100) String group,
        Boolean enabled,
        Integer version) {
}
