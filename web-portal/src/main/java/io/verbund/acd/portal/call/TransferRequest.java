package io.verbund.acd.portal.call;

import io.verbund.acd.call.TransferTarget;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /calls/{callId}/transfer} and of {@code .../consultation}: exactly one
 * party, another agent of the tenant by extension ({@code {"agent":"1002"}}), an external number in
 * E.164 form among the tenant's transfer numbers ({@code {"number":"+4940123456"}}) or an ACD group
 * of the tenant by name ({@code {"group":"Sales"}}): a transfer puts the caller in its queue again
 * with its priority, a consultation rings the free agent the group's strategy picks.
 */
public record TransferRequest(
        @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{verbund.transfer.agent}") String agent,
        @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "{verbund.e164}") String number,
        @Size(min = 1, max = 100) @Pattern(regexp = "[^|]*", message = "{verbund.transfer.target}") String group) {

    /** Checked by Bean Validation: reported as the field {@code target}. */
    @AssertTrue(message = "{verbund.transfer.target}")
    public boolean isTarget() {
        return (agent != null ? 1 : 0) + (number != null ? 1 : 0) + (group != null ? 1 : 0) == 1;
    }

    /** Only after validation. */
    public TransferTarget toTarget() {
        return agent != null ? TransferTarget.agent(agent) : number != null ? TransferTarget.number(number) : TransferTarget.group(group);
    }
}
