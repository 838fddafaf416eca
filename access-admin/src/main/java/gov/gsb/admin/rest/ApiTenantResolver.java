package gov.gsb.admin.rest;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the OIDC tenant of a request. The default tenant is {@code hybrid}: bearer tokens now, and the
 * authorization-code flow (a redirect to Keycloak, then a session cookie) for the portal to come. A hybrid tenant
 * answers a request without credentials with that redirect, which an API client cannot follow; so requests to
 * {@code /api} that carry no session cookie go to the tenant {@code api} ({@code service}: bearer only), which
 * answers them 401. The portal's pages, and its calls to {@code /api} with its session cookie, stay on the default.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    /** The bearer-only tenant of {@code /api}. */
    public static final String API_TENANT = "api";
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        return api && context.request().getCookie(SESSION_COOKIE) == null ? API_TENANT : null;
    }
}
