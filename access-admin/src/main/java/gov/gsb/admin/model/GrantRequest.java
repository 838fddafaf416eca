package gov.gsb.admin.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A grant to make.
 *
 * @param service the service, {@code <provider>.<name>}
 * @param operation PUBLISH or SUBSCRIBE (EVENT services), REQUEST or SERVE (REQUEST_REPLY services)
 * @param principalType USER, GROUP or ROLE
 * @param principal the user name, the group path without the leading slash ({@code agencies/tax}) or the realm role
 * @param permission ALLOW (default) or DENY
 * @param consumerAgency for SUBSCRIBE and REQUEST: the consuming agency, when the principal does not name one
 *        (group {@code agencies/<agency>}, user {@code service-account-<agency>})
 * @param comment why, e.g. a case number
 */
public record GrantRequest(
        @NotNull @Pattern(regexp = Names.SERVICE, message = Names.SERVICE_MESSAGE) String service,
        @NotNull Operation operation,
        @NotNull PrincipalKind principalType,
        @NotNull @Size(min = 1, max = 255) @Pattern(regexp = "[^\\s:]+", message = "must be a name without spaces or colons")
        String principal,
        Permission permission,
        @Pattern(regexp = Names.NAME, message = Names.NAME_MESSAGE) String consumerAgency,
        @Size(max = 500) String comment) {

    /** The permission asked for, ALLOW when none was given. */
    public Permission permissionOrDefault() {
        return permission == null ? Permission.ALLOW : permission;
    }
}
