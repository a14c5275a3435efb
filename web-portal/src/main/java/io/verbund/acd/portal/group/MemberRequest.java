package io.verbund.acd.portal.group;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The body of {@code PUT /groups/{id}/members/{extension}}: the member's penalty (0 when left out). */
public record MemberRequest(@Min(0) @Max(100) Integer penalty) {
}
