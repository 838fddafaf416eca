package gov.gsb.admin.portal;

import gov.gsb.admin.audit.AuditTrail;
import gov.gsb.admin.rest.Roles;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** The audit trail, newest first, a page at a time, filtered by actor, action and target ({@link AuditTrail}). */
@Path("/portal/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditPage {

    /** Events per page: a screenful. */
    static final int SIZE = 25;
    /** The actions access-admin records, for the filter. */
    static final List<String> ACTIONS = List.of("service.register", "service.update", "service.retire", "grant.create",
            "grant.revoke", "agency.create");

    @Inject
    AuditTrail trail;

    @GET
    public TemplateInstance trail(@RestQuery String actor, @RestQuery String action, @RestQuery String targetId,
            @RestQuery @DefaultValue("0") int page) {
        Map<String, String> values = new HashMap<>();
        values.put("actor", actor);
        values.put("action", action);
        values.put("targetId", targetId);
        PortalForm filter = PortalForm.of(values);
        var found = trail.page(new AuditTrail.Filter(filter.text("actor"), null, filter.text("targetId"),
                filter.text("action")), Math.max(0, page), SIZE);
        return Pages.audit(found, filter, ACTIONS);
    }
}
