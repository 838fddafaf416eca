package gov.gsb.analytics.web;

import gov.gsb.analytics.query.Dashboards;
import gov.gsb.analytics.rest.QueryResource;
import gov.gsb.analytics.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The query API for the pages themselves ({@code /data/overview}, {@code /data/calls.csv}): the same endpoints as
 * {@code /api}, on the dashboards' session tenant only, so a page's script and its export link never depend on
 * which tenant {@code /api} picks for a request.
 */
@Path(QueryResource.PAGE_DATA)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PageDataResource extends QueryResource {

    PageDataResource(Dashboards dashboards) {
        super(dashboards);
    }
}
