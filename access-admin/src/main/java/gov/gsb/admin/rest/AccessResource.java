package gov.gsb.admin.rest;

import gov.gsb.admin.grants.AccessCheck;
import gov.gsb.admin.model.Names;
import gov.gsb.admin.model.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Effective access: {@code /api/access?user=&operation=&service=}, allowed or denied, and the grants that decided. */
@Path("/api/access")
@Tag(name = "access", description = "Whether a user may do an operation on a service, and why")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AccessResource {

    @Inject
    AccessCheck access;

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The user's groups and roles from Keycloak, the "
            + "matching grants, DENY first, deny by default (404 for an unknown user or service)")
    public Response check(@QueryParam("user") @NotBlank String user,
            @QueryParam("operation") @NotNull @Pattern(regexp = "PUBLISH|SUBSCRIBE|REQUEST|SERVE",
                    message = "must be PUBLISH, SUBSCRIBE, REQUEST or SERVE") String operation,
            @QueryParam("service") @NotNull @Pattern(regexp = Names.SERVICE, message = Names.SERVICE_MESSAGE) String service) {
        return Responses.of(access.check(user, Operation.valueOf(operation), service), null);
    }
}
