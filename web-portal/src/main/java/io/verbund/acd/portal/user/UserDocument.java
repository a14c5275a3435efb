package io.verbund.acd.portal.user;

import io.verbund.acd.portal.api.TenantItem;
import java.time.Instant;
import java.util.List;

/** A portal user as the API answers it: never its password. {@code agent} is the extension it works as. */
public record UserDocument(long id, String login, String displayName, String locale, List<String> roles,
                           List<String> supervisedGroups, String agent, boolean enabled, int version, Instant updatedAt) implements TenantItem {
}
