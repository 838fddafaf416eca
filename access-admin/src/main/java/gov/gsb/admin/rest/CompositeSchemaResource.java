package gov.gsb.admin.rest;

import gov.gsb.composites.CompositeDefinitions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The published JSON Schema of composite definitions, {@code /api/composites/schema}: what a COMPOSITE service's
 * {@code definition} must follow (YAML or JSON), for editors and for checking a definition before registering it.
 */
@Path("/api/composites/schema")
@Tag(name = "services", description = "The service catalog")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class CompositeSchemaResource {

    private static final String SCHEMA = CompositeDefinitions.schema();

    @GET
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema of a composite service's definition")
    public String schema() {
        return SCHEMA;
    }
}
