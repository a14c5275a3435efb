package io.verbund.acd.portal.tenant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant as a client sends it. The key cannot change once created (logins, storage paths and
 * logs carry it). A tenant is never deleted through the API, only disabled: its call records stay.
 *
 * @param kind     TENANT, or RESELLER (a system administrator only)
 * @param reseller the key of the reseller it belongs to (a system administrator only); a reseller's
 *                 new tenants always belong to it
 * @param transferNumbers patterns of the external numbers its calls may be transferred to (agents
 *                 always), such as {@code +4930*} or {@code +49301234xxx}; a system administrator or
 *                 the tenant's reseller sets them, like the rest; omitted (null): unchanged, [] none
 * @param outboundCallerId the E.164 number its outbound calls present in From (a number the trunk
 *                 lets it present: a system administrator or its reseller sets it); omitted (null):
 *                 unchanged, "" none (the tenant places no outbound calls)
 * @param version  the version the change was made from; required when replacing
 */
public record TenantRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{verbund.tenant.key}") String key,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "TENANT|RESELLER", message = "{verbund.tenant.kind}") String kind,
        String reseller,
        @Min(0) Integer maxChannels,
        @Size(max = 64) String timeZone,
        @Pattern(regexp = "de|en", message = "{verbund.locale}") String defaultLocale,
        Boolean enabled,
        @Size(max = 100) List<String> transferNumbers,
        @Pattern(regexp = "(\\+[1-9][0-9]{1,14})?", message = "must be a number in E.164 form, such as +4930500100, or empty for none")
        String outboundCallerId,
        Integer version) {
}
