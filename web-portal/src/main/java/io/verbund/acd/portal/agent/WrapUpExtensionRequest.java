package io.verbund.acd.portal.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /agents/{extension}/wrap-up/extensions}: {@code {"seconds":30}}, the time
 * the agent adds to its wrap-up. Whether the group's allowance has that much left is the core's rule
 * (409 when not); this only checks it is a sensible amount.
 */
public record WrapUpExtensionRequest(@NotNull @Min(1) @Max(3600) Integer seconds) {
}
