package gov.gsb.admin.rest;

import gov.gsb.admin.audit.AuditTrail;
import gov.gsb.admin.model.AuditView;
import gov.gsb.admin.model.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail: {@code /api/audit}, read from {@code gsb.audit}, newest first. */
@Path("/api/audit")
@Tag(name = "audit", description = "Every change to the bus's administration")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Operation(summary = "Audit events, newest first, a page at a time; filters match exactly")
    public Page<AuditView> list(@QueryParam("actor") String actor, @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId, @QueryParam("action") String action,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return trail.page(new AuditTrail.Filter(actor, targetType, targetId, action), page, size);
    }
}
