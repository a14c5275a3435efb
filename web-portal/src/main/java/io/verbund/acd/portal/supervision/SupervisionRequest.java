package io.verbund.acd.portal.supervision;

import io.verbund.acd.runtime.callcontrol.SupervisionAsked;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * The body of {@code POST /calls/{callId}/supervision}: {@code {"mode":"listen"}}, {@code whisper}
 * or {@code barge}; posted again during the session, it switches the mode.
 */
public record SupervisionRequest(@NotNull @Pattern(regexp = "listen|whisper|barge", message = "{verbund.supervision.mode}") String mode) {

    /** Only after validation. */
    SupervisionAsked.Mode toMode() {
        return SupervisionAsked.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    }
}
