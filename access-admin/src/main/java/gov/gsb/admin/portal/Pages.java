package gov.gsb.admin.portal;

import gov.gsb.admin.model.AccessDecision;
import gov.gsb.admin.model.AuditView;
import gov.gsb.admin.model.GrantView;
import gov.gsb.admin.model.Page;
import gov.gsb.admin.model.ServiceView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The portal's pages: one Qute template each under {@code templates/portal/}, checked against these parameters when
 * the application is built (a misspelt property fails the build, not a page). Every page includes
 * {@code portal/layout.html}.
 */
@CheckedTemplate(basePath = "portal")
final class Pages {

    private Pages() {
    }

    /** The catalog, filtered. */
    static native TemplateInstance services(List<ServiceView> services, CatalogQuery query, List<String> agencies);

    /** One service with its grants; {@code notice} says what was just done, or is empty. */
    static native TemplateInstance service(ServiceView service, List<GrantView> grants, String notice);

    /** Register ({@code existing} null) or update a service. */
    static native TemplateInstance serviceForm(PortalForm form, ServiceView existing);

    /** The grant editor; {@code preview} is the grant as it would be saved, or null. */
    static native TemplateInstance grantForm(PortalForm form, GrantChoices choices, GrantView preview);

    /** The effective-access checker; {@code decision} null until a question is asked. */
    static native TemplateInstance access(PortalForm form, AccessDecision decision, GrantChoices choices);

    /** The audit trail, newest first. */
    static native TemplateInstance audit(Page<AuditView> trail, PortalForm filter, List<String> actions);

    /** An error page for people (403, 404). */
    static native TemplateInstance error(int status, String title, String message);

    /** After signing out. */
    static native TemplateInstance signedOut();
}
