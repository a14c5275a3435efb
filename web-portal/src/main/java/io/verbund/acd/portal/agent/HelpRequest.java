package io.verbund.acd.portal.agent;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /agents/{extension}/help}: an optional note for the supervisor. */
public record HelpRequest(@Size(max = 500) String message) {
}
