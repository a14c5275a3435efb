package io.verbund.acd.portal.call;

import io.verbund.acd.call.TransferTarget;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /calls/{callId}/consultation}: exactly one party to consult, another agent
 * of the tenant by extension ({@code {"agent":"1002"}}) or an external number in E.164 form among
 * the tenant's transfer numbers ({@code {"number":"+4940123456"}}).
 */
public record ConsultationRequest(
        @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{verbund.transfer.agent}") String agent,
        @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "{verbund.e164}") String number) {

    /** Checked by Bean Validation: reported as the field {@code target}. */
    @AssertTrue(message = "{verbund.consultation.target}")
    public boolean isTarget() {
        return (agent == null) != (number == null);
    }

    /** Only after validation. */
    public TransferTarget toTarget() {
        return agent != null ? TransferTarget.agent(agent) : TransferTarget.number(number);
    }
}
