package io.verbund.acd.portal.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A portal user as a client sends it. The password is write-only: required on create, optional
 * when replacing (left out, it stays). A user's login ends with {@code @} and the tenant's key.
 * RESELLER is for users of a reseller tenant, granted by a system administrator; SYSTEM_ADMIN is
 * never granted through the API.
 *
 * @param supervisedGroups for a supervisor: the ACD groups (by name) it watches; empty: all groups
 * @param version          the version the change was made from; required when replacing
 */
public record UserRequest(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9._-]{1,60}@[a-z][a-z0-9-]{1,39}",
                message = "{verbund.user.login}") String login,
        @NotBlank @Size(max = 200) String displayName,
        @Size(min = 8, max = 200, message = "{verbund.user.password}") String password,
        @Pattern(regexp = "de|en", message = "{verbund.locale}") String locale,
        @NotEmpty List<@Pattern(regexp = "TENANT_ADMIN|SUPERVISOR|AGENT|RESELLER", message = "{verbund.user.roles}") String> roles,
        List<@NotBlank String> supervisedGroups,
        Boolean enabled,
        Integer version) {

    @Override
    public String toString() {
        return "UserRequest[" + login + ", " + roles + "]";
    }
}
