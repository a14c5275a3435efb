package io.verbund.acd.portal.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /calls/{callId}/disposition}: a disposition code of the tenant. */
public record DispositionRequest(@NotBlank @Size(max = 32) String code) {
}
