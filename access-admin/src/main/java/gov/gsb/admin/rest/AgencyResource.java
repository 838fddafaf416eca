package gov.gsb.admin.rest;

import gov.gsb.admin.audit.CurrentActor;
import gov.gsb.admin.keycloak.AgencyService;
import gov.gsb.admin.model.AgencyRequest;
import gov.gsb.admin.model.AgencyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agencies: {@code /api/agencies}, Keycloak groups under {@code /agencies} with their clients. */
@Path("/api/agencies")
@Tag(name = "agencies", description = "Agencies: a Keycloak group and a confidential client each")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AgencyResource {

    @Inject
    AgencyService agencies;
    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Every agency")
    public List<AgencyView> list() {
        return agencies.list();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an agency: group /agencies/<name>, client <name> whose service account is in the group "
            + "with roles publisher and subscriber; the answer holds the client secret, this once (409 if it exists)")
    public Response create(@NotNull @Valid AgencyRequest request, @Context UriInfo uri) {
        return Responses.of(agencies.create(request, actor.get()), uri);
    }
}
