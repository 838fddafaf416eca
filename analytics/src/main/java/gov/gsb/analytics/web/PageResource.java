package gov.gsb.analytics.web;

import gov.gsb.analytics.query.CallFilter;
import gov.gsb.analytics.query.Dashboards;
import gov.gsb.analytics.query.InvalidFilterException;
import gov.gsb.analytics.query.PageRequest;
import gov.gsb.analytics.query.SearchRequest;
import gov.gsb.analytics.rest.Parameters;
import gov.gsb.analytics.rest.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards: the overview, a page per service and per agency (the overview narrowed to it; the charts are
 * filled by {@code /app/dashboard.js} from {@code /api/overview}), and the call-log search (rendered here).
 */
@Path("/")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    /** The range presets of the forms. */
    static final Map<String, Duration> RANGES = presets();

    @Inject
    @Location("overview.html")
    Template overview;
    @Inject
    @Location("calls.html")
    Template calls;
    @Inject
    @Location("signed-out.html")
    Template signedOut;
    @Inject
    Dashboards dashboards;
    @Inject
    SecurityIdentity identity;

    private final Clock clock = Clock.systemUTC();

    /** @return the bus's overview */
    @GET
    public Response overview(@Context UriInfo uri) {
        return dashboard("Overview", "All traffic on the bus", parameters(uri), null, false);
    }

    /** @return the overview of one service */
    @GET
    @Path("services/{name}")
    public Response service(@PathParam("name") String name, @Context UriInfo uri) {
        Map<String, String> p = parameters(uri);
        p.put("service", name);
        return dashboard("Service " + name, "Calls of this service, by every consumer", p, null, true);
    }

    /** @return the overview of one agency, as provider ({@code side=provider}, default) or as consumer */
    @GET
    @Path("agencies/{name}")
    public Response agency(@PathParam("name") String name, @Context UriInfo uri) {
        Map<String, String> p = parameters(uri);
        boolean consumer = "consumer".equals(p.get("side"));
        p.put(consumer ? "consumer" : "provider", name);
        String subtitle = consumer ? "Calls this agency made to other agencies' services"
                : "Calls of this agency's services, by every consumer";
        return dashboard("Agency " + name, subtitle, p, Map.of("name", name, "side", consumer ? "consumer" : "provider"),
                false);
    }

    /** @return the call-log search: a form, a page of results, paging and a CSV export link */
    @GET
    @Path("calls")
    public Response calls(@Context UriInfo uri) {
        Map<String, String> p = parameters(uri);
        TemplateInstance page = calls.data("user", user()).data("form", p).data("ranges", RANGES.keySet())
                .data("outcomes", List.of("SUCCESS", "FAILURE", "DENIED", "TIMEOUT", "INVALID"));
        try {
            SearchRequest search = SearchRequest.parse(p, clock);
            CallFilter filter = search.filter();
            PageRequest request = search.page();
            Dashboards.SearchResult result = dashboards.search(filter, request);
            Map<String, String> query = filter.toParameters();
            query.put("size", Integer.toString(request.size()));
            return Response.ok(page.data("errors", Map.of()).data("filter", filter).data("result", result)
                    .data("exportQuery", Links.query(filter.toParameters()))
                    .data("previousQuery", Links.query(Links.with(query, "page", Integer.toString(request.page() - 1))))
                    .data("nextQuery", Links.query(Links.with(query, "page", Integer.toString(request.page() + 1)))))
                    .build();
        } catch (InvalidFilterException e) {
            return Response.status(400).entity(page.data("errors", e.errors()).data("filter", null).data("result", null)
                    .data("exportQuery", "").data("previousQuery", "").data("nextQuery", "")).build();
        }
    }

    /** @return the page shown after signing out (no login needed) */
    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }

    private Response dashboard(String title, String subtitle, Map<String, String> p, Map<String, String> agency,
                               boolean serviceFixed) {
        TemplateInstance page = overview.data("title", title).data("serviceFixed", serviceFixed).data("subtitle", subtitle).data("user", user())
                .data("chartJs", ChartJs.PATH).data("agency", agency).data("form", p).data("ranges", RANGES.keySet());
        try {
            CallFilter filter = CallFilter.parse(p, clock);
            return Response.ok(page.data("errors", Map.of()).data("filter", filter)
                    .data("apiQuery", Links.query(filter.toParameters()))).build();
        } catch (InvalidFilterException e) {
            return Response.status(400).entity(page.data("errors", e.errors()).data("filter", null).data("apiQuery", ""))
                    .build();
        }
    }

    /** The request's parameters, a {@code range} preset (e.g. {@code 24h}) turned into from and to. */
    private Map<String, String> parameters(UriInfo uri) {
        Map<String, String> p = new LinkedHashMap<>(Parameters.first(uri.getQueryParameters()));
        Duration range = RANGES.get(p.getOrDefault("range", ""));
        if (range != null && isBlank(p.get("from")) && isBlank(p.get("to"))) {
            var now = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            p.put("from", now.minus(range).toString());
            p.put("to", now.toString());
        }
        return p;
    }

    private String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, Duration> presets() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("1h", Duration.ofHours(1));
        m.put("6h", Duration.ofHours(6));
        m.put("24h", Duration.ofHours(24));
        m.put("7d", Duration.ofDays(7));
        m.put("30d", Duration.ofDays(30));
        return m;
    }
}
