package gov.gsb.admin.rest;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the OIDC tenant of a request. The default tenant is the portal's ({@code web-app}): the authorization-code
 * flow (a redirect to Keycloak's login page, then a session cookie). It would answer an API client without a session
 * with that redirect, which the client cannot follow; so requests to {@code /api} that carry no session cookie go
 * to the tenant {@code api} ({@code service}: bearer tokens with the bus's audience only), which answers them 401.
 * The portal's pages, and calls to {@code /api} with the portal's session cookie, stay on the default tenant.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    /** The bearer-only tenant of {@code /api}. */
    public static final String API_TENANT = "api";
    /** The default tenant's session cookie: {@code q_session}, or {@code q_session_chunk_1...} when it is large. */
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        return api && !hasSession(context) ? API_TENANT : null;
    }

    private static boolean hasSession(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().equals(SESSION_COOKIE) || cookie.getName().startsWith(SESSION_COOKIE + "_chunk_")) {
                return true;
            }
        }
        return false;
    }
}
