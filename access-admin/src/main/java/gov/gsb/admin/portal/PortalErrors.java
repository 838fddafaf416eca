package gov.gsb.admin.portal;

import jakarta.ws.rs.core.Response;

/**
 * Error pages for people: the API's one exception mapper answers {@code application/problem+json}, which a browser
 * shows as raw text, so for the portal's paths it asks here for a page instead.
 */
public final class PortalErrors {

    private PortalErrors() {
    }

    /** Whether a request path (with or without its leading slash) is the portal's. */
    public static boolean isPortal(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("portal") || p.startsWith("portal/");
    }

    /** 403: signed in, but without the role the page or the change needs. */
    public static Response forbidden() {
        return Outcomes.error(403, "Not allowed", "Your account may not do this. Changes need the realm role admin; "
                + "reading needs admin or auditor.");
    }
}
