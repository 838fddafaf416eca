package gov.gsb.admin.portal;

import gov.gsb.admin.rest.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Who is looking at the portal: the pages show only what the viewer may use ({@code {inject:viewer.admin}} in a
 * template); the server decides what is allowed ({@code @RolesAllowed} on every page and form).
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;

    /** Whether somebody is signed in. */
    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The user's name ({@code preferred_username}), or empty when nobody is signed in. */
    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** Whether the user may change things (realm role {@code admin}); auditors read only. */
    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** What the user may do, in words. */
    public String access() {
        return admin() ? "administrator" : identity.hasRole(Roles.AUDITOR) ? "auditor, read only" : "no access";
    }
}
