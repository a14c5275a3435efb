package io.verbund.acd.portal.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An agent as a client sends it, to create one or replace one whole:
 * <pre>{@code {"extension":"1010","displayName":"Jana Schulz","sipPassword":"s3cret-phone",
 *  "sipUsername":"jana.schulz","userLogin":"jana@demo","enabled":true,
 *  "skills":[{"skill":"sales","proficiency":4}]}}</pre>
 *
 * @param extension   the agent's key within the tenant, 2–32 digits; on replace it must be the one
 *                    in the path (an extension never changes)
 * @param sipPassword write-only: only its digest (HA1) is stored. Required on create; on replace
 *                    left out keeps the stored one, unless {@code sipUsername} changes
 * @param sipUsername the phone's digest user name, unique across the installation (REGISTER names
 *                    no tenant); left out: the extension on create, unchanged on replace
 * @param userLogin   the login of the tenant's portal user who works as this agent; null: phone only
 * @param enabled     left out: true. A disabled agent is not offered calls and its phone cannot register
 * @param skills      left out: none
 * @param version     the version the change was made from; required when replacing, ignored on create
 */
public record AgentRequest(
        @NotNull @Pattern(regexp = "^[0-9]{2,32}$", message = "{verbund.agent.extension}") String extension,
        @NotBlank @Size(max = 200) String displayName,
        @Size(min = 8, max = 128) String sipPassword,
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "{verbund.agent.sipUsername}") String sipUsername,
        @Size(min = 1, max = 120) String userLogin,
        Boolean enabled,
        @Size(max = 100) List<@Valid @NotNull Skill> skills,
        Integer version) {

    /** A skill the agent has, at a proficiency from 1 (novice) to 5 (expert). */
    public record Skill(@NotBlank @Size(max = 100) String skill, @NotNull @Min(1) @Max(5) Integer proficiency) {
    }

    /** Never the password, should a request ever be logged. */
    @Override
    public String toString() {
        return "AgentRequest[extension=" + extension + ", sipUsername=" + sipUsername + ", sipPassword="
                + (sipPassword == null ? "none" : "***") + ", version=" + version + "]";
    }
}
