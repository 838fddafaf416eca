package gov.gsb.admin.rest;

import gov.gsb.admin.audit.CurrentActor;
import gov.gsb.admin.grants.GrantService;
import gov.gsb.admin.model.GrantRequest;
import gov.gsb.admin.model.GrantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Grants: {@code /api/grants}. Making or revoking one applies its Kafka ACLs before the answer. */
@Path("/api/grants")
@Tag(name = "grants", description = "Who may publish, subscribe, request or serve")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class GrantResource {

    @Inject
    GrantService grants;
    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Grants, oldest first, by service, principal (agencies/tax or Group:agencies/tax) and status")
    public List<GrantView> list(@QueryParam("service") String service, @QueryParam("principal") String principal,
            @QueryParam("status") @Pattern(regexp = "ACTIVE|REVOKED", message = "must be ACTIVE or REVOKED") String status) {
        return grants.list(service, principal, status);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One grant, with its ACLs (404 if unknown)")
    public Response get(@PathParam("id") String id) {
        return Responses.found(grants.find(id), "grant " + id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Grant: the ACLs are on the brokers when this answers (409 for an equal active grant)")
    public Response grant(@NotNull @Valid GrantRequest request, @Context UriInfo uri) {
        return Responses.of(grants.grant(request, actor.get()), uri);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke: ACLs no other active grant needs are gone when this answers")
    public Response revoke(@PathParam("id") String id, @Context UriInfo uri) {
        return Responses.of(grants.revoke(id, actor.get()), uri);
    }
}
