package gov.gsb.admin.rest;

import gov.gsb.admin.keycloak.RealmDirectory;
import gov.gsb.admin.model.Directory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The realm's users, groups and roles, for the portal's pickers: {@code /api/users}, {@code /api/groups}, {@code /api/roles}. */
@Path("/api")
@Tag(name = "directory", description = "The realm's users, groups and realm roles")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class DirectoryResource {

    @Inject
    RealmDirectory directory;

    @GET
    @Path("users")
    @Operation(summary = "Users whose name, e-mail, first or last name contain the search text; a page of them")
    public List<Directory.User> users(@QueryParam("search") String search,
            @QueryParam("first") @DefaultValue("0") @Min(0) int first,
            @QueryParam("max") @DefaultValue("100") @Min(1) @Max(1000) int max) {
        return directory.users(search, first, max);
    }

    @GET
    @Path("groups")
    @Operation(summary = "Every group, by path without the leading slash (as grants name them)")
    public List<Directory.Group> groups() {
        return directory.groups();
    }

    @GET
    @Path("roles")
    @Operation(summary = "Every realm role")
    public List<Directory.Role> roles() {
        return directory.roles();
    }
}
