package io.verbund.acd.portal.supervision;

import jakarta.validation.constraints.NotNull;

/**
 * The tenant's supervision settings, {@code GET/PUT /supervision-settings}: {@code notice}, whether
 * a caller hears the supervision notice (system prompt {@code supervision-notice}) when a
 * supervisor starts listening in on its call.
 */
public record SupervisionSettings(@NotNull Boolean notice) {
}
