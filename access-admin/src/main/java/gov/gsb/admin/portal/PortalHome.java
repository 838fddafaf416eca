package gov.gsb.admin.portal;

import gov.gsb.admin.rest.Roles;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The portal's entry ({@code /portal}: the catalog) and the page Keycloak sends people back to after signing out.
 * Signing in is the OIDC extension's: any page without a session redirects to Keycloak's login page; signing out is
 * {@code /portal/logout} ({@code quarkus.oidc.logout.path}).
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PortalHome {

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Response home() {
        return Outcomes.seeOther("/portal/services");
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Pages.signedOut();
    }
}
