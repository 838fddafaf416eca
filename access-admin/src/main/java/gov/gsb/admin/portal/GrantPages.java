package gov.gsb.admin.portal;

import gov.gsb.admin.audit.CurrentActor;
import gov.gsb.admin.grants.GrantService;
import gov.gsb.admin.model.GrantRequest;
import gov.gsb.admin.model.GrantView;
import gov.gsb.admin.model.Result;
import gov.gsb.admin.rest.Roles;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The grant editor (admins only): pick a service, a user, group or role, an operation and allow or deny; preview
 * the exact ACLs the grant maps to, then save it ({@link GrantService} applies the ACLs before answering); revoke.
 */
@Path("/portal/grants")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class GrantPages {

    @Inject
    GrantService grants;
    @Inject
    Choices choices;
    @Inject
    CurrentActor actor;
    @Inject
    Validator validator;

    @GET
    @Path("new")
    public TemplateInstance editor(@RestQuery String service) {
        return Pages.grantForm(GrantForm.blank(service), choices.forGrants(), null);
    }

    /** Both buttons post here: {@code action=preview} shows the ACLs and saves nothing, anything else saves. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> fields) {
        PortalForm form = PortalForm.of(fields);
        Optional<GrantRequest> request = GrantForm.read(form, validator);
        if (request.isEmpty()) {
            return Outcomes.invalid(page(form, null));
        }
        if (form.is("action", "preview")) {
            Result<GrantView> preview = grants.preview(request.get(), actor.get());
            return preview instanceof Result.Ok<GrantView> ok ? Response.ok(page(form, ok.value())).build()
                    : Outcomes.again(preview, form, () -> page(form, null));
        }
        return Outcomes.of(grants.grant(request.get(), actor.get()), form,
                g -> "/portal/services/" + g.service() + "?notice=granted", () -> page(form, null));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@RestPath String id) {
        return Outcomes.done(grants.revoke(id, actor.get()), g -> "/portal/services/" + g.service() + "?notice=revoked",
                "Not revoked");
    }

    private TemplateInstance page(PortalForm form, GrantView preview) {
        return Pages.grantForm(form, choices.forGrants(), preview);
    }
}
