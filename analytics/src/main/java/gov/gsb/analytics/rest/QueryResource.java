package gov.gsb.analytics.rest;

import gov.gsb.analytics.query.CallFilter;
import gov.gsb.analytics.query.Dashboards;
import gov.gsb.analytics.query.SearchRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;

/**
 * The JSON query API. Every endpoint takes the filters of {@link CallFilter} as request parameters (a wrong value:
 * 400 naming the field); the overview reads the rollups (service, provider, consumer, method and outcome apply),
 * the call log endpoints every filter.
 */
@Path(QueryResource.API)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

    /** The API's root: bearer tokens (tenant {@code api}) or a session. */
    public static final String API = "/api";
    /** The same endpoints for the pages' own scripts and links: always the session's tenant. */
    public static final String PAGE_DATA = "/data";

    private final Dashboards dashboards;
    private final Clock clock = Clock.systemUTC();

    protected QueryResource(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** @return totals, calls over time, per agency, top services, error codes and latency of the range */
    @GET
    @Path("/overview")
    public Dashboards.Overview overview(@Context UriInfo uri) {
        return dashboards.overview(filter(uri));
    }

    /** @return a page ({@code page}, {@code size}) of the calls matching the filters, newest first */
    @GET
    @Path("/calls")
    public Dashboards.SearchResult calls(@Context UriInfo uri) {
        SearchRequest search = SearchRequest.parse(Parameters.first(uri.getQueryParameters()), clock);
        return dashboards.search(search.filter(), search.page());
    }

    /** @return the calls matching the filters as CSV (at most a million rows), newest first */
    @GET
    @Path("/calls.csv")
    @Produces("text/csv")
    public Response export(@Context UriInfo uri) {
        InputStream csv = dashboards.exportCsv(filter(uri));
        StreamingOutput body = out -> {
            try (csv) {
                csv.transferTo(out);
            }
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"gsb-calls.csv\"").build();
    }

    private CallFilter filter(UriInfo uri) {
        return CallFilter.parse(Parameters.first(uri.getQueryParameters()), clock);
    }
}
