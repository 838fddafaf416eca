package gov.gsb.admin.portal;

import gov.gsb.admin.audit.CurrentActor;
import gov.gsb.admin.catalog.CatalogService;
import gov.gsb.admin.grants.GrantService;
import gov.gsb.admin.model.ServiceRequest;
import gov.gsb.admin.model.ServiceUpdate;
import gov.gsb.admin.model.ServiceView;
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
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The catalog in the portal: browse and search, one service with its grants, and the forms that register, update
 * and retire a service (admins only). The work is {@link CatalogService}'s; this class reads forms and picks pages.
 */
@Path("/portal/services")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class ServicePages {

    /** What the service page says after a change; the redirect names the change, never the text. */
    private static final Map<String, String> NOTICES = Map.of("registered", "Service registered: its topic exists.",
            "updated", "Service updated.", "retired", "Service retired: its grants are revoked, its topics kept.",
            "granted", "Grant saved: its ACLs are on the brokers.", "revoked", "Grant revoked: its ACLs are removed.");

    @Inject
    CatalogService catalog;
    @Inject
    GrantService grants;
    @Inject
    CurrentActor actor;
    @Inject
    Validator validator;

    @GET
    public TemplateInstance list(@RestQuery String text, @RestQuery String agency, @RestQuery String kind,
            @RestQuery String status) {
        CatalogQuery query = new CatalogQuery(text, agency, kind, status);
        var all = catalog.list();
        var agencies = all.stream().map(ServiceView::provider).distinct().sorted().toList();
        return Pages.services(all.stream().filter(query::matches).toList(), query, agencies);
    }

    @GET
    @Path("{id}")
    public Response show(@RestPath String id, @RestQuery String notice) {
        Optional<ServiceView> service = catalog.find(id);
        if (service.isEmpty()) {
            return Outcomes.error(404, "No such service", "The catalog has no service " + id + ".");
        }
        String text = notice == null ? "" : NOTICES.getOrDefault(notice, "");
        return Response.ok(Pages.service(service.get(), grants.list(id, null, null), text)).build();
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance registerForm() {
        return Pages.serviceForm(ServiceForm.blank(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response register(MultivaluedMap<String, String> fields) {
        PortalForm form = PortalForm.of(fields);
        Optional<ServiceRequest> request = ServiceForm.registration(form, validator);
        if (request.isEmpty()) {
            return Outcomes.invalid(Pages.serviceForm(form, null));
        }
        return Outcomes.of(catalog.register(request.get(), actor.get()), form,
                s -> "/portal/services/" + s.id() + "?notice=registered", () -> Pages.serviceForm(form, null));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Roles.ADMIN)
    public Response updateForm(@RestPath String id) {
        return catalog.find(id).map(s -> Response.ok(Pages.serviceForm(ServiceForm.of(s), s)).build())
                .orElseGet(() -> Outcomes.error(404, "No such service", "The catalog has no service " + id + "."));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response update(@RestPath String id, MultivaluedMap<String, String> fields) {
        Optional<ServiceView> existing = catalog.find(id);
        if (existing.isEmpty()) {
            return Outcomes.error(404, "No such service", "The catalog has no service " + id + ".");
        }
        PortalForm form = PortalForm.of(fields);
        Optional<ServiceUpdate> update = ServiceForm.update(form, validator);
        if (update.isEmpty()) {
            return Outcomes.invalid(Pages.serviceForm(form, existing.get()));
        }
        return Outcomes.of(catalog.update(id, update.get(), actor.get()), form,
                s -> "/portal/services/" + s.id() + "?notice=updated", () -> Pages.serviceForm(form, existing.get()));
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response retire(@RestPath String id) {
        return Outcomes.done(catalog.retire(id, actor.get()), s -> "/portal/services/" + s.id() + "?notice=retired",
                "Not retired");
    }
}
