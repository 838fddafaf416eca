package gov.gsb.admin.rest;

import gov.gsb.admin.audit.CurrentActor;
import gov.gsb.admin.catalog.CatalogService;
import gov.gsb.admin.model.ServiceRequest;
import gov.gsb.admin.model.ServiceUpdate;
import gov.gsb.admin.model.ServiceView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service catalog: {@code /api/services}, ids {@code <provider>.<name>}. */
@Path("/api/services")
@Tag(name = "services", description = "The service catalog")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class ServiceResource {

    @Inject
    CatalogService catalog;
    @Inject
    CurrentActor actor;

    @GET
    @Operation(summary = "Every service, active and retired")
    public List<ServiceView> list() {
        return catalog.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One service (404 if unknown)")
    public Response get(@PathParam("id") String id) {
        return Responses.found(catalog.find(id), "service " + id + " in the catalog");
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a service: creates its topic, sets its subject's compatibility (409 if it exists)")
    public Response register(@NotNull @Valid ServiceRequest request, @Context UriInfo uri) {
        return Responses.of(catalog.register(request, actor.get()), uri);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a service's description, owner, partitions (grow only), retention or compatibility")
    public Response update(@PathParam("id") String id, @NotNull @Valid ServiceUpdate update, @Context UriInfo uri) {
        return Responses.of(catalog.update(id, update, actor.get()), uri);
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire a service: revokes its grants and their ACLs, keeps its entry and its topics")
    public Response retire(@PathParam("id") String id, @Context UriInfo uri) {
        return Responses.of(catalog.retire(id, actor.get()), uri);
    }
}
