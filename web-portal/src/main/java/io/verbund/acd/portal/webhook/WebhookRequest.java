package io.verbund.acd.portal.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook as a client sends it.
 *
 * @param events  the event names to send ({@code agent-state}, {@code queue}, {@code call},
 *                {@code config}, {@code help-request}, {@code alarm}), or {@code *} for all
 * @param version the version the change was made from; required when replacing
 */
public record WebhookRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 2000) String url,
        @NotEmpty List<@Pattern(regexp = "\\*|agent-state|queue|call|config|help-request|alarm",
                message = "{verbund.webhook.events}") String> events,
        Boolean enabled,
        Integer version) {
}
