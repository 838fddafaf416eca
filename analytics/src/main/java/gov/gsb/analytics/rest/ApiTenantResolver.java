package gov.gsb.analytics.rest;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the OIDC tenant of a request (as access-admin does). The default tenant is the dashboards' ({@code web-app}):
 * the authorization-code flow on the realm's client {@code gsb-portal}, then a session cookie. It would answer an API
 * client without a session with a redirect to the login page, which the client cannot follow; so requests to
 * {@code /api} that carry no session cookie go to the tenant {@code api} ({@code service}: bearer tokens with the
 * bus's audience only), which answers them 401. The pages, and their own calls to {@code /api}, stay on the default.
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

    /** Reads the Cookie header itself: {@code request().cookies()} may not have parsed it yet at this point. */
    private static boolean hasSession(RoutingContext context) {
        for (String header : context.request().headers().getAll("Cookie")) {
            for (String cookie : header.split(";")) {
                String name = cookie.strip().split("=", 2)[0];
                if (name.equals(SESSION_COOKIE) || name.startsWith(SESSION_COOKIE + "_chunk_")) {
                    return true;
                }
            }
        }
        return false;
    }
}
